import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, ref, watch } from 'vue'
import { BLIND_SPOTS_SOURCE, blindSpotBreaks, blindSpotsFill, blindSpotsOutline } from '../map/layers/blind-spots.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { EMPTY_COLLECTION } from '../map/sources.ts'
import { useViewStore } from '../stores/view.ts'
import { useBlindSpotsStore } from './use-blind-spots-store.ts'
import { useBlindSpots } from './use-blind-spots.ts'

/** The blind-spot hexagons on the map, coloured by uncovered events; flies to a cell the list picks. */
export function useBlindSpotsLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  useBlindSpots()
  const view = useViewStore()
  const store = useBlindSpotsStore()
  const focused = ref<string | null>(null)
  let applied: LayerSpecification[] = []

  const visible = computed(() => !!view.view.layers.blindspots && !!store.data)
  const breaks = computed(() => {
    const counts = store.data?.features.map(f => f.properties.uncovered) ?? []
    return blindSpotBreaks(store.data?.min ?? 1, Math.max(store.data?.min ?? 1, ...counts))
  })
  const layers = computed(() => [blindSpotsFill(visible.value, breaks.value), blindSpotsOutline(visible.value, focused.value)])

  function source(instance: MapLibreMap): GeoJSONSource {
    if (!instance.getSource(BLIND_SPOTS_SOURCE))
      instance.addSource(BLIND_SPOTS_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION })
    return instance.getSource(BLIND_SPOTS_SOURCE) as GeoJSONSource
  }

  watch([ready, layers], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    source(map.value)
    reconcileLayers(map.value, applied, next)
    applied = next
  }, { immediate: true })

  watch([ready, () => store.data], ([isReady, data]) => {
    if (isReady && map.value)
      source(map.value).setData((data && view.view.layers.blindspots ? data : EMPTY_COLLECTION) as FeatureCollection)
  }, { immediate: true })

  watch(() => store.focus, (f) => {
    if (!f || !map.value)
      return
    focused.value = f.id
    map.value.flyTo({ center: [f.lon, f.lat], zoom: Math.max(map.value.getZoom(), 13), duration: 800 })
    store.focus = null
  })
}
