import type { EmergingClass } from '../logic/emerging-categories.ts'
import type { EmergingResult } from '../stores/hotspots.ts'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, unwrap, withSignal } from '../api/client.ts'
import { emergingRange } from '../logic/emerging-range.ts'
import { analysisQuery } from '../logic/gistar-state.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useViewStore } from '../stores/view.ts'
import { useHotspotRun } from './use-hotspot-run.ts'

/**
 * Load emerging hot spots while that layer is on. The run needs at least ten monthly steps, so a
 * single month or a short range is widened to the twelve months ending at the view's last month
 * (logic/emerging-range.ts); the legend says which months were used.
 */
export function useEmerging() {
  const store = useViewStore()
  const meta = useMetaStore()
  const hotspots = useHotspotsStore()

  const range = computed(() => emergingRange(store.view, meta.meta?.months.from ?? null))

  useHotspotRun('emerging', () => {
    const v = store.view
    const h = v.hotspot
    const r = range.value
    if (h?.layer !== 'emerging' || !v.parent || !r || !meta.meta)
      return null
    return analysisQuery(v.parent, v.indicator, h, r.from, r.to)
  }, async (query, signal) => await unwrap(api.api.hotspots.emerging.$get({ query }, withSignal(signal))) as EmergingResult, (query) => {
    hotspots.emergingRange = query ? range.value : null
  })
}

/** A category's name in the current language: "持续热点", "Persistent hot spot", "无模式". */
export function useEmergingName() {
  const { t } = useI18n()
  return (c: Pick<EmergingClass, 'pattern' | 'side'>) => c.side
    ? t('hotspots.emerging.name', { pattern: t(`hotspots.emerging.patterns.${c.pattern}`), side: t(`hotspots.emerging.${c.side}`) })
    : t(`hotspots.emerging.patterns.${c.pattern}`)
}
