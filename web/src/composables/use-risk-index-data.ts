import { watch } from 'vue'
import { riskIndexApi } from '../api/risk-index-api.ts'
import { useRiskIndexStore } from '../stores/risk-index.ts'
import { useViewStore } from '../stores/view.ts'
import { useLatestLoad } from './use-latest-load.ts'

/** Fetch /api/risk-index for the view while the risk index is the map's theme (and after a weights change). */
export function useRiskIndexData() {
  const view = useViewStore()
  const store = useRiskIndexStore()
  const loads = useLatestLoad(store)

  watch(() => {
    const v = view.view
    if (v.theme !== 'risk_index' || !v.parent || !v.period)
      return null
    return { level: v.level, parent: v.parent, period: v.period, ...(v.to ? { to: v.to } : {}), revision: store.revision }
  }, async (q) => {
    if (!q) {
      loads.cancel()
      return
    }
    const { revision: _, ...query } = q
    await loads.run(signal => riskIndexApi.get(query, signal), (data) => {
      store.data = data
    })
  }, { immediate: true, deep: true })
}
