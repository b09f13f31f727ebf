import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { EMERGING_SOURCE } from '../map/layers/emerging-cells.ts'
import { GISTAR_SOURCE } from '../map/layers/gistar-cells.ts'
import { HOTSPOT_BEFORE_LAYER, hotspotLayers } from '../map/layers/gistar-layers.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { EMPTY_COLLECTION } from '../map/sources.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * The Gi* and emerging hot spot layers: two GeoJSON sources (cell id promoted, for the selected
 * cell's feature-state) fed from the hot spots store, and the layer specs reconciled in place.
 */
export function useGistarLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const store = useViewStore()
  const hotspots = useHotspotsStore()
  let applied: LayerSpecification[] = []
  let marked: { source: string, id: string } | null = null

  const layers = computed(() => hotspotLayers(store.view.hotspot?.layer ?? null))

  function ensureSources(instance: MapLibreMap) {
    for (const id of [GISTAR_SOURCE, EMERGING_SOURCE]) {
      if (!instance.getSource(id))
        instance.addSource(id, { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' })
    }
  }

  function mark(instance: MapLibreMap) {
    if (marked && instance.getSource(marked.source))
      instance.setFeatureState(marked, { selected: false })
    const sel = hotspots.selected
    marked = sel ? { source: sel.layer === 'gistar' ? GISTAR_SOURCE : EMERGING_SOURCE, id: sel.cell.id } : null
    if (marked)
      instance.setFeatureState(marked, { selected: true })
  }

  watch([ready, layers], ([isReady, next]) => {
    const instance = map.value
    if (!isReady || !instance)
      return
    ensureSources(instance)
    reconcileLayers(instance, applied, next, HOTSPOT_BEFORE_LAYER)
    applied = next
  }, { immediate: true })

  watch([ready, () => hotspots.gistar, () => hotspots.emerging], ([isReady, gistar, emerging]) => {
    const instance = map.value
    if (!isReady || !instance)
      return
    ensureSources(instance)
    ;(instance.getSource(GISTAR_SOURCE) as GeoJSONSource).setData((gistar ?? EMPTY_COLLECTION) as FeatureCollection)
    ;(instance.getSource(EMERGING_SOURCE) as GeoJSONSource).setData((emerging ?? EMPTY_COLLECTION) as FeatureCollection)
    marked = null
    mark(instance)
  }, { immediate: true })

  watch(() => hotspots.selected, () => map.value && ready.value && mark(map.value))
}
