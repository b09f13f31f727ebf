import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { fillColorExpression } from '../logic/color-ramp.ts'
import { coverageFillExpression } from '../logic/coverage-classes.ts'
import { coverageShares } from '../logic/coverage-state.ts'
import { featuresBounds } from '../logic/geo-bounds.ts'
import { riskIndexFillExpression } from '../logic/risk-index-grades.ts'
import { thematicLayers } from '../map/layers/index.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { CONTEXT_SOURCE, EMPTY_COLLECTION, REGIONS_SOURCE } from '../map/sources.ts'
import { useRiskIndexStore } from '../stores/risk-index.ts'
import { useThematicStore } from '../stores/thematic.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useViewStore } from '../stores/view.ts'

/** Feed region geometry and figures into the map: sources, per-region metric state, and layer paint. */
export function useMapLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const thematic = useThematicStore()
  const store = useViewStore()
  const units = useUnitsStore()
  const riskIndex = useRiskIndexStore()
  let applied: LayerSpecification[] = []

  const byChange = computed(() => (thematic.choropleth?.compare ?? 'none') !== 'none')
  /** Coloured by 1/3/5-minute coverage share (0–1) instead of the indicator, when chosen in the layer panel. */
  const byCoverage = computed(() => store.view.layers.coverage ?? null)
  /** Coloured by the composite risk index's four fixed grades (`indicator=risk_index`). */
  const byRiskIndex = computed(() => !byCoverage.value && store.view.theme === 'risk_index')
  const layers = computed(() => thematicLayers({
    fillColor: byCoverage.value ? coverageFillExpression('metric') : byRiskIndex.value ? riskIndexFillExpression(riskIndex.data?.method.thresholds) : fillColorExpression(thematic.choropleth?.breaks ?? [], 'metric', byChange.value),
    contextParent: store.view.level === 'township' ? store.view.parent : null,
    choropleth: store.view.layers.choropleth,
  }))

  function applyMetric(instance: MapLibreMap) {
    const figures = byCoverage.value
      ? coverageShares(units.coverage, byCoverage.value.minutes)
      : byRiskIndex.value
        ? new Map(riskIndex.data?.regions.map(r => [r.code, r.index]))
        : new Map(thematic.choropleth?.regions.map(r => [r.code, byChange.value ? r.change : r.value]))
    for (const f of thematic.regions?.features ?? []) {
      const metric = figures.get(f.properties.code)
      instance.setFeatureState({ source: REGIONS_SOURCE, id: f.properties.code }, { metric: typeof metric === 'number' ? metric : null })
    }
  }

  function fitIfPending(instance: MapLibreMap) {
    const box = featuresBounds(thematic.regions?.features ?? [])
    if (!store.fitPending || !box || thematic.regionsKey !== `${store.view.level}:${store.view.parent}`)
      return
    store.fitPending = false
    instance.fitBounds(box, { padding: { top: 90, bottom: 60, left: 60, right: 460 }, duration: 600 })
  }

  watch([ready, () => thematic.regions, () => thematic.context], ([isReady, regions, context]) => {
    const instance = map.value
    if (!isReady || !instance)
      return
    const regionsSource = instance.getSource(REGIONS_SOURCE) as GeoJSONSource
    const contextSource = instance.getSource(CONTEXT_SOURCE) as GeoJSONSource
    regionsSource.setData(regions ?? EMPTY_COLLECTION)
    contextSource.setData(context ?? EMPTY_COLLECTION)
    applyMetric(instance)
    fitIfPending(instance)
  }, { immediate: true })

  // Back/forward or a city switch may ask to frame regions that are already loaded.
  watch(() => store.fitPending, () => map.value && ready.value && fitIfPending(map.value))

  watch([ready, () => thematic.choropleth, () => units.coverage, byCoverage, () => riskIndex.data, byRiskIndex], ([isReady]) => {
    if (isReady && map.value)
      applyMetric(map.value)
  })

  watch([ready, layers], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    reconcileLayers(map.value, applied, next)
    applied = next
  }, { immediate: true })
}
