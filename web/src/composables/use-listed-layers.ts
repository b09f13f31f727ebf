import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { listedLayers } from '../map/layers/listed-layers.ts'
import { LISTED_ID_PROPERTY, LISTED_SOURCE } from '../map/layers/listed-source.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { useListedStore } from '../stores/listed.ts'

/** Draw the listed hotspots: one GeoJSON source, status-coloured layers, and the selection as feature-state. */
export function useListedLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const listed = useListedStore()
  let applied: LayerSpecification[] = []
  let selected: number | null = null

  const layers = computed(() => listedLayers(listed.visible))
  const data = computed<FeatureCollection>(() => ({ type: 'FeatureCollection', features: listed.items as FeatureCollection['features'] }))

  function source(instance: MapLibreMap): GeoJSONSource {
    if (!instance.getSource(LISTED_SOURCE))
      instance.addSource(LISTED_SOURCE, { type: 'geojson', data: data.value, promoteId: LISTED_ID_PROPERTY })
    return instance.getSource(LISTED_SOURCE) as GeoJSONSource
  }

  function markSelected(instance: MapLibreMap) {
    if (selected !== null)
      instance.setFeatureState({ source: LISTED_SOURCE, id: selected }, { selected: false })
    selected = listed.selectedId
    if (selected !== null)
      instance.setFeatureState({ source: LISTED_SOURCE, id: selected }, { selected: true })
  }

  watch([ready, layers], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    source(map.value)
    reconcileLayers(map.value, applied, next)
    applied = next
  }, { immediate: true })

  watch([ready, data], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    source(map.value).setData(next)
    markSelected(map.value)
  }, { immediate: true })

  watch(() => listed.selectedId, () => map.value && ready.value && markSelected(map.value))
}
