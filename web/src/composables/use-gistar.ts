import type { GistarResult } from '../stores/hotspots.ts'
import { api, unwrap, withSignal } from '../api/client.ts'
import { analysisQuery } from '../logic/gistar-state.ts'
import { useViewStore } from '../stores/view.ts'
import { useHotspotRun } from './use-hotspot-run.ts'

/**
 * Load Getis-Ord Gi* for the view while the Gi* layer is on: the study region is the view's
 * parent (the city at the top level, the district when drilled in), indicator and period are the
 * view's. Errors stay with the layer (shown in its legend) rather than in a toast.
 */
export function useGistar() {
  const store = useViewStore()

  useHotspotRun('gistar', () => {
    const v = store.view
    const h = v.hotspot
    if (h?.layer !== 'gistar' || !v.parent || !v.period)
      return null
    return analysisQuery(v.parent, v.indicator, h, v.period, v.to)
  }, async (query, signal) => await unwrap(api.api.hotspots.gistar.$get({ query }, withSignal(signal))) as GistarResult)
}
