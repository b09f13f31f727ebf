import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { useDraw } from './use-draw.ts'
import { useListedInteraction } from './use-listed-interaction.ts'
import { useListedLayers } from './use-listed-layers.ts'

/** Everything the map does for listed hotspots: layers, clicks, and the drawing tool (drawn on top). */
export function useListedMap(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  useListedLayers(map, ready)
  useListedInteraction(map, ready)
  useDraw(map, ready)
}
