import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import type { WeightedPoint } from '../logic/heatmap-scale.ts'
import { watch } from 'vue'
import { binWeights, heatmapIntensity } from '../logic/heatmap-scale.ts'
import { EVENTS_SOURCE, EVENTS_SOURCE_LAYER } from '../map/layers/events-source.ts'
import { useEventLayersStore } from '../stores/event-layers.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * The event features on screen as weighted screen points. Tiles carry a buffer, so a feature near
 * a tile edge comes back once per tile: single events are kept once by id, aggregates by position.
 */
function visibleWeights(map: MapLibreMap): WeightedPoint[] {
  const { width, height } = map.getCanvas().getBoundingClientRect()
  const seen = new Set<string>()
  const out: WeightedPoint[] = []
  for (const f of map.querySourceFeatures(EVENTS_SOURCE, { sourceLayer: EVENTS_SOURCE_LAYER })) {
    if (f.geometry.type !== 'Point')
      continue
    const p = map.project(f.geometry.coordinates as [number, number])
    if (p.x < 0 || p.y < 0 || p.x >= width || p.y >= height)
      continue
    const weight = Number(f.properties.count ?? 1)
    const key = f.id !== undefined ? `id:${f.id}` : `at:${Math.round(p.x)}:${Math.round(p.y)}:${weight}`
    if (seen.has(key))
      continue
    seen.add(key)
    out.push({ x: p.x, y: p.y, weight })
  }
  return out
}

/** Rescale the heatmap to what is on screen whenever the map comes to rest with the heatmap on. */
export function useHeatmapScale(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const store = useViewStore()
  const events = useEventLayersStore()

  function rescale() {
    const instance = map.value
    if (!instance || !store.view.layers.heatmap || !instance.getSource(EVENTS_SOURCE))
      return
    const intensity = heatmapIntensity(binWeights(visibleWeights(instance)))
    if (intensity !== null && intensity !== events.heatIntensity)
      events.heatIntensity = intensity
  }

  watch([map, ready], ([instance, isReady], _, onCleanup) => {
    if (!instance || !isReady)
      return
    instance.on('idle', rescale)
    onCleanup(() => instance.off('idle', rescale))
  }, { immediate: true })
}
