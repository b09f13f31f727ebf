import type { MapGeoJSONFeature, MapLayerMouseEvent, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { watch } from 'vue'
import { EVENTS_POINT_ZOOM, EVENTS_SOURCE, EVENTS_SOURCE_LAYER } from '../map/layers/events-source.ts'
import { useEventLayersStore } from '../stores/event-layers.ts'

const CLUSTERS = 'events-clusters'
const POINTS = 'events-points'

/** The event's id: the tile feature id, or its `id` property when the encoder kept none. */
export function eventIdOf(feature: Pick<MapGeoJSONFeature, 'id' | 'properties'>): string | null {
  const id = feature.id ?? feature.properties?.id
  return id === undefined || id === null || id === '' ? null : String(id)
}

/** Clicks on the event layers: a cluster zooms in towards the point level, a single event opens its details. */
export function useEventInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const events = useEventLayersStore()
  let marked: string | null = null

  function onClusterClick(e: MapLayerMouseEvent) {
    const feature = e.features?.[0]
    if (!feature || feature.geometry.type !== 'Point')
      return
    const [lng, lat] = feature.geometry.coordinates as [number, number]
    const zoom = Math.min(Math.max(e.target.getZoom() + 2, 10), EVENTS_POINT_ZOOM + 1)
    e.target.easeTo({ center: [lng, lat], zoom, duration: 500 })
  }

  function onPointClick(e: MapLayerMouseEvent) {
    const id = e.features?.[0] ? eventIdOf(e.features[0]) : null
    if (id)
      events.selectEvent(id)
  }

  function pointer(e: MapLayerMouseEvent) {
    e.target.getCanvas().style.cursor = 'pointer'
  }
  function plain(e: MapLayerMouseEvent) {
    e.target.getCanvas().style.cursor = ''
  }

  function mark(instance: MapLibreMap, id: string | null) {
    const target = (fid: string) => ({ source: EVENTS_SOURCE, sourceLayer: EVENTS_SOURCE_LAYER, id: fid })
    if (!instance.getSource(EVENTS_SOURCE))
      return
    if (marked)
      instance.setFeatureState(target(marked), { selected: false })
    if (id)
      instance.setFeatureState(target(id), { selected: true })
    marked = id
  }

  watch([map, ready], ([instance, isReady], _, onCleanup) => {
    if (!instance || !isReady)
      return
    instance.on('click', CLUSTERS, onClusterClick)
    instance.on('click', POINTS, onPointClick)
    for (const layer of [CLUSTERS, POINTS]) {
      instance.on('mouseenter', layer, pointer)
      instance.on('mouseleave', layer, plain)
    }
    onCleanup(() => {
      instance.off('click', CLUSTERS, onClusterClick)
      instance.off('click', POINTS, onPointClick)
      for (const layer of [CLUSTERS, POINTS]) {
        instance.off('mouseenter', layer, pointer)
        instance.off('mouseleave', layer, plain)
      }
    })
  }, { immediate: true })

  watch([ready, () => events.selectedEvent], ([isReady, id]) => {
    if (isReady && map.value)
      mark(map.value, id)
  })
}
