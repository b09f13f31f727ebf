import type { FeatureCollection } from 'geojson'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { featuresBounds } from '../logic/geo-bounds.ts'
import { patrolLayers } from '../map/layers/patrol-layers.ts'
import { PATROL_ID_PROPERTY, PATROL_SOURCE } from '../map/layers/patrol-source.ts'
import { usePatrolStore } from '../stores/patrol.ts'
import { usePatrolVisibility } from './use-patrol-visibility.ts'
import { useSelectableSource } from './use-selectable-source.ts'

/** Draw the patrol zones (type-coloured areas, solid routes, dashed drone routes) with the selection as feature-state. */
export function usePatrolLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const patrol = usePatrolStore()
  const shown = usePatrolVisibility()
  useSelectableSource(map, ready, {
    source: PATROL_SOURCE,
    promoteId: PATROL_ID_PROPERTY,
    layers: computed(() => patrolLayers(shown.value)),
    data: computed<FeatureCollection>(() => ({ type: 'FeatureCollection', features: patrol.items as FeatureCollection['features'] })),
    selectedId: () => patrol.selectedId,
  })

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
