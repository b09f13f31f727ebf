import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import type { WallOverlay } from '../logic/wall-overlays.ts'
import { watch } from 'vue'
import { overlayBefore, overlayLayers } from '../logic/wall-overlays.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { useWallStore } from '../stores/wall.ts'

/**
 * Put the scene's overlay on the one map and take the last one off: its layers, then its sources,
 * so a wall that cycles through scenes for days holds at most one overlay. The same overlay kind
 * in the next scene is updated in place (setData, reconciled paint). After a WebGL context
 * restore (`epoch`) the data is set again over the rebuilt style.
 */
export function useWallOverlay(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>, epoch: Ref<number>) {
  const wall = useWallStore()
  let applied: LayerSpecification[] = []
  let sources: string[] = []

  function clear(instance: MapLibreMap, keepSources: readonly string[]) {
    for (const layer of applied) {
      if (instance.getLayer(layer.id))
        instance.removeLayer(layer.id)
    }
    applied = []
    for (const id of sources) {
      if (!keepSources.includes(id) && instance.getSource(id))
        instance.removeSource(id)
    }
    sources = sources.filter(id => keepSources.includes(id))
  }

  function show(instance: MapLibreMap, overlay: WallOverlay) {
    const next = overlayLayers(overlay)
    const nextSources = Object.keys(overlay.sources)
    // Another kind of overlay: its layers go (they may name sources this one does not have).
    if (applied.some(l => !next.some(n => n.id === l.id)))
      clear(instance, nextSources)
    for (const [id, data] of Object.entries(overlay.sources)) {
      const source = instance.getSource(id) as GeoJSONSource | undefined
      if (source)
        source.setData(data)
      else instance.addSource(id, { type: 'geojson', data, promoteId: 'id' })
    }
    sources = nextSources
    reconcileLayers(instance, applied, next, overlayBefore(overlay.layer))
    applied = next
  }

  watch([ready, epoch, () => wall.overlay], ([isReady, , overlay]) => {
    const instance = map.value
    if (!isReady || !instance)
      return
    if (overlay)
      show(instance, overlay)
    else clear(instance, [])
  }, { immediate: true })
}
