import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { useUnitsInteraction } from './use-units-interaction.ts'
import { useUnitsLayers } from './use-units-layers.ts'

/** Everything the map does for response units: layers (units and reach) and clicks. */
export function useUnitsMap(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  useUnitsLayers(map, ready)
  useUnitsInteraction(map, ready)
}
