import type { BlindSpotQuery } from '../api/blind-spots-api.ts'
import { computed, watch } from 'vue'
import { blindSpotsApi } from '../api/blind-spots-api.ts'
import { useViewStore } from '../stores/view.ts'
import { useBlindSpotsStore } from './use-blind-spots-store.ts'
import { useLatestLoad } from './use-latest-load.ts'

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
  const loads = useLatestLoad(store)
  const query = computed(() => view.view.layers.blindspots ? blindSpotQuery(view.view, store.months) : null)

  watch(query, async (q) => {
    if (!q) {
      loads.cancel()
      store.data = null
      return
    }
    await loads.run(signal => blindSpotsApi.list(q, signal), (data) => {
      store.data = data
    })
  }, { immediate: true, deep: true })
}
