import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { unitsLayers } from '../map/layers/units-layers.ts'
import { REACH_SOURCE, UNITS_ID_PROPERTY, UNITS_SOURCE } from '../map/layers/units-source.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { EMPTY_COLLECTION } from '../map/sources.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useUnitsVisibility } from './use-units-visibility.ts'

/** Draw the units (type-coloured, selection as feature-state) and the selected unit's nested 1/3/5-minute reach. */
export function useUnitsLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const units = useUnitsStore()
  const { shown } = useUnitsVisibility()
  let applied: LayerSpecification[] = []
  let selected: number | null = null

  const reach = computed(() => shown.value && units.selectedId !== null && units.reach?.unitId === units.selectedId ? units.reach : null)
  const layers = computed(() => unitsLayers(shown.value, reach.value !== null))
  const data = computed<FeatureCollection>(() => ({ type: 'FeatureCollection', features: units.items as FeatureCollection['features'] }))

  function sources(instance: MapLibreMap): { points: GeoJSONSource, reach: GeoJSONSource } {
    if (!instance.getSource(UNITS_SOURCE))
      instance.addSource(UNITS_SOURCE, { type: 'geojson', data: data.value, promoteId: UNITS_ID_PROPERTY })
    if (!instance.getSource(REACH_SOURCE))
      instance.addSource(REACH_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION })
    return { points: instance.getSource(UNITS_SOURCE) as GeoJSONSource, reach: instance.getSource(REACH_SOURCE) as GeoJSONSource }
  }

  function markSelected(instance: MapLibreMap) {
    if (selected !== null)
      instance.setFeatureState({ source: UNITS_SOURCE, id: selected }, { selected: false })
    selected = units.selectedId
    if (selected !== null)
      instance.setFeatureState({ source: UNITS_SOURCE, id: selected }, { selected: true })
  }

  watch([ready, layers], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    sources(map.value)
    reconcileLayers(map.value, applied, next)
    applied = next
  }, { immediate: true })

  watch([ready, data], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    sources(map.value).points.setData(next)
    markSelected(map.value)
  }, { immediate: true })

  watch([ready, reach], ([isReady, next]) => {
    if (isReady && map.value)
      sources(map.value).reach.setData((next ?? EMPTY_COLLECTION) as FeatureCollection)
  }, { immediate: true })

  watch(() => units.selectedId, () => map.value && ready.value && markSelected(map.value))
}
