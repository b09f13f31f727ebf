import type { GistarResult } from '../stores/hotspots.ts'
import { watch } from 'vue'
import { api, ApiError, unwrap, withSignal } from '../api/client.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * Load Getis-Ord Gi* for the view while the Gi* layer is on: the study region is the view's
 * parent (the city at the top level, the district when drilled in), indicator and period are the
 * view's. Errors stay with the layer (shown in its legend) rather than in a toast.
 */
export function useGistar() {
  const store = useViewStore()
  const hotspots = useHotspotsStore()
  let abort: AbortController | null = null

  watch(() => {
    const v = store.view
    const h = v.hotspot
    if (h?.layer !== 'gistar' || !v.parent || !v.period)
      return null
    return {
      parent: v.parent,
      grid: 'hex' as const,
      size: String(h.size) as '250' | '500' | '1000',
      indicator: v.indicator,
      period: v.period,
      correction: h.correction,
      ...(v.to ? { to: v.to } : {}),
      ...(h.distance !== null ? { distance: String(h.distance) } : {}),
    }
  }, async (query) => {
    abort?.abort()
    if (!query) {
      hotspots.clear('gistar')
      hotspots.gistarLoading = false
      return
    }
    const ctl = abort = new AbortController()
    hotspots.gistarLoading = true
    try {
      const result = await unwrap(api.api.hotspots.gistar.$get({ query }, withSignal(ctl.signal))) as GistarResult
      hotspots.gistar = result
      hotspots.gistarError = null
      const sel = hotspots.selected
      if (sel?.layer === 'gistar') {
        const again = result.features.find(f => f.properties.id === sel.cell.id)
        hotspots.select(again ? { layer: 'gistar', cell: again.properties } : null)
      }
    }
    catch (err) {
      if ((err as Error).name === 'AbortError')
        return
      hotspots.gistar = null
      hotspots.gistarError = err instanceof ApiError ? err : new ApiError(0, 'client', (err as Error).message)
    }
    finally {
      if (abort === ctl)
        hotspots.gistarLoading = false
    }
  }, { immediate: true, deep: true })
}
