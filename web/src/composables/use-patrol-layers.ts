import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { featuresBounds } from '../logic/geo-bounds.ts'
import { patrolLayers } from '../map/layers/patrol-layers.ts'
import { PATROL_ID_PROPERTY, PATROL_SOURCE } from '../map/layers/patrol-source.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { usePatrolStore } from '../stores/patrol.ts'
import { usePatrolVisibility } from './use-patrol-visibility.ts'

/** Draw the patrol zones (type-coloured areas, solid routes, dashed drone routes) with the selection as feature-state. */
export function usePatrolLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const patrol = usePatrolStore()
  const shown = usePatrolVisibility()
  let applied: LayerSpecification[] = []
  let selected: number | null = null

  const layers = computed(() => patrolLayers(shown.value))
  const data = computed<FeatureCollection>(() => ({ type: 'FeatureCollection', features: patrol.items as FeatureCollection['features'] }))

  function source(instance: MapLibreMap): GeoJSONSource {
    if (!instance.getSource(PATROL_SOURCE))
      instance.addSource(PATROL_SOURCE, { type: 'geojson', data: data.value, promoteId: PATROL_ID_PROPERTY })
    return instance.getSource(PATROL_SOURCE) as GeoJSONSource
  }

  function markSelected(instance: MapLibreMap) {
    if (selected !== null)
      instance.setFeatureState({ source: PATROL_SOURCE, id: selected }, { selected: false })
    selected = patrol.selectedId
    if (selected !== null)
      instance.setFeatureState({ source: PATROL_SOURCE, id: selected }, { selected: true })
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

  watch(() => patrol.selectedId, () => map.value && ready.value && markSelected(map.value))

  // Bring a zone chosen in the list into view, clear of the side panel, unless it is already well in view.
  watch(() => patrol.selectedId, (id) => {
    const instance = map.value
    const zone = id === null ? null : patrol.items.find(f => f.id === id)
    const box = zone && featuresBounds([zone as never])
    if (!instance || !ready.value || !box)
      return
    const view = instance.getBounds()
    const inside = view.contains([box[0], box[1]]) && view.contains([box[2], box[3]])
    const small = instance.project([box[2], box[1]]).x - instance.project([box[0], box[1]]).x < 120
    if (!inside || small)
      instance.fitBounds(box, { padding: { top: 120, bottom: 80, left: 320, right: 480 }, maxZoom: 15.5, duration: 600 })
  })
}
