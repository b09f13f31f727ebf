import { watch } from 'vue'
import { riskIndexApi } from '../api/risk-index-api.ts'
import { useRiskIndexStore } from '../stores/risk-index.ts'
import { useToastStore } from '../stores/toast.ts'
import { useViewStore } from '../stores/view.ts'

/** Fetch /api/risk-index for the view while the risk index is the map's theme (and after a weights change). */
export function useRiskIndexData() {
  const view = useViewStore()
  const store = useRiskIndexStore()
  const toast = useToastStore()
  let abort: AbortController | null = null

  watch(() => {
    const v = view.view
    if (v.theme !== 'risk_index' || !v.parent || !v.period)
      return null
    return { level: v.level, parent: v.parent, period: v.period, ...(v.to ? { to: v.to } : {}), revision: store.revision }
  }, async (q) => {
    abort?.abort()
    if (!q)
      return
    const ctl = abort = new AbortController()
    const { revision: _, ...query } = q
    store.loading = true
    try {
      store.data = await riskIndexApi.get(query, ctl.signal)
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
