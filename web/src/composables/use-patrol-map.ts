import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { usePatrolData } from './use-patrol-data.ts'
import { usePatrolInteraction } from './use-patrol-interaction.ts'
import { usePatrolLayers } from './use-patrol-layers.ts'

/** Everything the map does for patrol zones: keep them loaded, draw them, and open one on click. */
export function usePatrolMap(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  usePatrolData()
  usePatrolLayers(map, ready)
  usePatrolInteraction(map, ready)
}
