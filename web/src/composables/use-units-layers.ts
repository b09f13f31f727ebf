import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { unitsLayers } from '../map/layers/units-layers.ts'
import { REACH_SOURCE, UNITS_ID_PROPERTY, UNITS_SOURCE } from '../map/layers/units-source.ts'
import { EMPTY_COLLECTION } from '../map/sources.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useSelectableSource } from './use-selectable-source.ts'
import { useUnitsVisibility } from './use-units-visibility.ts'

/** Draw the units (type-coloured, selection as feature-state) and the selected unit's nested 1/3/5-minute reach. */
export function useUnitsLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const units = useUnitsStore()
  const { shown } = useUnitsVisibility()
  const reach = computed(() => shown.value && units.selectedId !== null && units.reach?.unitId === units.selectedId ? units.reach : null)

  function reachSource(instance: MapLibreMap): GeoJSONSource {
    if (!instance.getSource(REACH_SOURCE))
      instance.addSource(REACH_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION })
    return instance.getSource(REACH_SOURCE) as GeoJSONSource
  }

  // The reach source first: the units' layers include the reach layers.
  watch(ready, isReady => isReady && map.value && reachSource(map.value), { immediate: true })

  useSelectableSource(map, ready, {
    source: UNITS_SOURCE,
    promoteId: UNITS_ID_PROPERTY,
    layers: computed(() => unitsLayers(shown.value, reach.value !== null)),
    data: computed<FeatureCollection>(() => ({ type: 'FeatureCollection', features: units.items as FeatureCollection['features'] })),
    selectedId: () => units.selectedId,
  })

  watch([ready, reach], ([isReady, next]) => {
    if (isReady && map.value)
      reachSource(map.value).setData((next ?? EMPTY_COLLECTION) as FeatureCollection)
  }, { immediate: true })
}
