import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { useListedInteraction } from './use-listed-interaction.ts'
import { useListedLayers } from './use-listed-layers.ts'

/** Everything the map does for listed hotspots: layers and clicks. */
export function useListedMap(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  useListedLayers(map, ready)
  useListedInteraction(map, ready)
}
