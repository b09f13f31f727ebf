import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, onBeforeUnmount, watch } from 'vue'
import { eventTilesUrl } from '../logic/event-tiles.ts'
import { hexFillColor } from '../logic/hex-classes.ts'
import { eventLayers } from '../map/layers/events-layers.ts'
import { EVENTS_SOURCE, HEXBINS_SOURCE } from '../map/layers/events-source.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { EMPTY_COLLECTION } from '../map/sources.ts'
import { useEventLayersStore } from '../stores/event-layers.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * The event layers in the map: the vector tile source follows the view's indicator and period
 * (setTiles, the map is never rebuilt), the hex source follows the fetched cells, and the layer
 * specs are reconciled like the thematic ones.
 */
export function useEventLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const store = useViewStore()
  const events = useEventLayersStore()
  let applied: LayerSpecification[] = []

  const tilesUrl = computed(() => {
    const { indicator, period, to } = store.view
    return period ? eventTilesUrl(window.location.origin, { indicator, period, to }) : null
  })
  const layers = computed(() => eventLayers({
    toggles: store.view.layers,
    hexFillColor: hexFillColor(events.hexClassList),
    heatIntensity: events.heatIntensity,
  }))

  let settleTimer: ReturnType<typeof setInterval> | undefined

  /**
   * After setTiles, MapLibre 6 can finish reloading the last tiles without drawing them (no
   * repaint, so no 'idle' either) until the map is next touched. Repaint once the source has
   * loaded, checking a few times a second for at most 30 s.
   */
  function repaintWhenLoaded(instance: MapLibreMap) {
    clearInterval(settleTimer)
    const deadline = Date.now() + 30_000
    settleTimer = setInterval(() => {
      if (!instance.getSource(EVENTS_SOURCE) || Date.now() > deadline) {
        clearInterval(settleTimer)
      }
      else if (instance.isSourceLoaded(EVENTS_SOURCE)) {
        clearInterval(settleTimer)
        instance.triggerRepaint()
      }
    }, 200)
  }
  onBeforeUnmount(() => clearInterval(settleTimer))

  function syncSources(instance: MapLibreMap, url: string) {
    const source = instance.getSource(EVENTS_SOURCE) as VectorTileSource | undefined
    if (!source) {
      instance.addSource(EVENTS_SOURCE, { type: 'vector', tiles: [url], minzoom: 0, maxzoom: 16 })
    }
    else if (source.tiles?.[0] !== url) {
      source.setTiles([url])
      repaintWhenLoaded(instance)
    }
    if (!instance.getSource(HEXBINS_SOURCE))
      instance.addSource(HEXBINS_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION })
  }

  // Sources first (layers need them), then the layers; both wait for the first known period.
  watch([ready, tilesUrl, layers], ([isReady, url, next]) => {
    const instance = map.value
    if (!isReady || !instance || !url)
      return
    syncSources(instance, url)
    reconcileLayers(instance, applied, next)
    applied = next
  }, { immediate: true })

  watch([ready, tilesUrl, () => events.hexbins], ([isReady, url, cells]) => {
    const source = isReady && url ? map.value?.getSource(HEXBINS_SOURCE) as GeoJSONSource | undefined : undefined
    source?.setData(cells ?? EMPTY_COLLECTION)
  }, { immediate: true })
}
