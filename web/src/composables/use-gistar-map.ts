import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { useGistarInteraction } from './use-gistar-interaction.ts'
import { useGistarLayers } from './use-gistar-layers.ts'

/** Everything the map does for the Gi* and emerging hot spot layers: sources, layers, clicks. */
export function useGistarMap(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  useGistarLayers(map, ready)
  useGistarInteraction(map, ready)
}
