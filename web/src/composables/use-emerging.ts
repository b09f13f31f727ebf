import type { EmergingClass } from '../logic/emerging-categories.ts'
import type { EmergingResult } from '../stores/hotspots.ts'
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { api, ApiError, unwrap, withSignal } from '../api/client.ts'
import { emergingRange } from '../logic/emerging-range.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * Load emerging hot spots while that layer is on. The run needs at least ten monthly steps, so a
 * single month or a short range is widened to the twelve months ending at the view's last month
 * (logic/emerging-range.ts); the legend says which months were used.
 */
export function useEmerging() {
  const store = useViewStore()
  const meta = useMetaStore()
  const hotspots = useHotspotsStore()
  let abort: AbortController | null = null

  const range = computed(() => emergingRange(store.view, meta.meta?.months.from ?? null))

  watch(() => {
    const v = store.view
    const h = v.hotspot
    const r = range.value
    if (h?.layer !== 'emerging' || !v.parent || !r || !meta.meta)
      return null
    return {
      parent: v.parent,
      grid: 'hex' as const,
      size: String(h.size) as '250' | '500' | '1000',
      indicator: v.indicator,
      period: r.from,
      to: r.to,
      correction: h.correction,
      ...(h.distance !== null ? { distance: String(h.distance) } : {}),
    }
  }, async (query) => {
    abort?.abort()
    hotspots.emergingRange = query ? range.value : null
    if (!query) {
      hotspots.clear('emerging')
      hotspots.emergingLoading = false
      return
    }
    const ctl = abort = new AbortController()
    hotspots.emergingLoading = true
    try {
      const result = await unwrap(api.api.hotspots.emerging.$get({ query }, withSignal(ctl.signal))) as EmergingResult
      hotspots.emerging = result
      hotspots.emergingError = null
      const sel = hotspots.selected
      if (sel?.layer === 'emerging') {
        const again = result.features.find(f => f.properties.id === sel.cell.id)
        hotspots.select(again ? { layer: 'emerging', cell: again.properties } : null)
      }
    }
    catch (err) {
      if ((err as Error).name === 'AbortError')
        return
      hotspots.emerging = null
      hotspots.emergingError = err instanceof ApiError ? err : new ApiError(0, 'client', (err as Error).message)
    }
    finally {
      if (abort === ctl)
        hotspots.emergingLoading = false
    }
  }, { immediate: true, deep: true })
}

/** A category's name in the current language: "持续热点", "Persistent hot spot", "无模式". */
export function useEmergingName() {
  const { t } = useI18n()
  return (c: Pick<EmergingClass, 'pattern' | 'side'>) => c.side
    ? t('hotspots.emerging.name', { pattern: t(`hotspots.emerging.patterns.${c.pattern}`), side: t(`hotspots.emerging.${c.side}`) })
    : t(`hotspots.emerging.patterns.${c.pattern}`)
}
