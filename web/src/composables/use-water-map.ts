import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { useWaterData } from './use-water-data.ts'
import { useWaterLayers } from './use-water-layers.ts'

/** Everything the map does for drowning prevention: keep the data loaded and draw it. */
export function useWaterMap(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  useWaterData()
  useWaterLayers(map, ready)
}
