import type { BlindSpotQuery } from '../api/blind-spots-api.ts'
import { computed, watch } from 'vue'
import { blindSpotsApi } from '../api/blind-spots-api.ts'
import { useToastStore } from '../stores/toast.ts'
import { useViewStore } from '../stores/view.ts'
import { useBlindSpotsStore } from './use-blind-spots-store.ts'

/** How many cells the layer and the list show. */
export const BLIND_SPOT_LIMIT = 20

/**
 * The query for the region on the map (the parent of the shown regions: a city or a district),
 * the view's indicator, and the last N months to the view's month; null without a region or month.
 */
export function blindSpotQuery(view: { parent: string | null, city: string | null, indicator: string, period: string | null, to: string | null }, months: number): BlindSpotQuery | null {
  const region = view.parent ?? view.city
  const last = view.to ?? view.period
  if (!region || !last)
    return null
  return { region, months: String(months), to: last, indicator: view.indicator, size: '500', limit: String(BLIND_SPOT_LIMIT) }
}

/** Loads the blind spots while their layer is on. */
export function useBlindSpots() {
  const view = useViewStore()
  const store = useBlindSpotsStore()
  const toast = useToastStore()
  let abort: AbortController | null = null
  const query = computed(() => view.view.layers.blindspots ? blindSpotQuery(view.view, store.months) : null)

  watch(query, async (q) => {
    abort?.abort()
    if (!q) {
      store.data = null
      return
    }
    const ctl = abort = new AbortController()
    store.loading = true
    try {
      store.data = await blindSpotsApi.list(q, ctl.signal)
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
    finally {
      if (abort === ctl)
        store.loading = false
    }
  }, { immediate: true, deep: true })
}
