import type { Feature, FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { waterLayers } from '../map/layers/water-layers.ts'
import { WATER_SOURCES } from '../map/layers/water-source.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { useWaterStore } from '../stores/water.ts'
import { useWaterLabels } from './use-water-labels.ts'
import { useWaterVisibility } from './use-water-visibility.ts'

const collection = (features: unknown[]): FeatureCollection => ({ type: 'FeatureCollection', features: features as Feature[] })

/** Draw the water zones, shoreline coverage, drone routes and assets from the water store. */
export function useWaterLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const water = useWaterStore()
  const shown = useWaterVisibility()
  let applied: LayerSpecification[] = []

  const layers = computed(() => waterLayers(shown.value))
  const data = computed(() => ({
    [WATER_SOURCES.zones]: collection(water.zones),
    [WATER_SOURCES.assets]: collection(water.assets),
    [WATER_SOURCES.routes]: collection(water.routes),
    [WATER_SOURCES.shore]: collection((water.coverage?.zones ?? []).flatMap(z => [
      { type: 'Feature', geometry: z.covered, properties: { zone: z.id, part: 'covered' } },
      { type: 'Feature', geometry: z.uncovered, properties: { zone: z.id, part: 'uncovered' } },
    ])),
  }))

  function sources(instance: MapLibreMap) {
    for (const [id, fc] of Object.entries(data.value)) {
      const existing = instance.getSource(id) as GeoJSONSource | undefined
      if (existing)
        existing.setData(fc)
      else instance.addSource(id, { type: 'geojson', data: fc })
    }
  }

  watch([ready, data], ([isReady]) => {
    if (isReady && map.value)
      sources(map.value)
  }, { immediate: true })

  watch([ready, layers], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    sources(map.value)
    reconcileLayers(map.value, applied, next)
    applied = next
  }, { immediate: true })

  useWaterLabels(map, ready, shown)
}
