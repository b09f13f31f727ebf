import type { RegionSummary } from '../api/client.ts'
import { ref, shallowRef, watch } from 'vue'
import { api, unwrap, withSignal } from '../api/client.ts'
import { useToastStore } from '../stores/toast.ts'
import { useViewStore } from '../stores/view.ts'

/** The selected region's summary for the current period and indicator. */
export function useRegionSummary() {
  const store = useViewStore()
  const toast = useToastStore()
  const summary = shallowRef<RegionSummary | null>(null)
  const loading = ref(false)
  let abort: AbortController | null = null

  watch(() => [store.view.selected, store.view.period, store.view.to, store.view.indicator] as const, async ([code, period, to, indicator]) => {
    abort?.abort()
    if (!code || !period) {
      summary.value = null
      return
    }
    const ctl = abort = new AbortController()
    loading.value = true
    try {
      const query = { period, ...(to ? { to } : {}), ...(indicator === 'all' ? {} : { indicator }) }
      summary.value = await unwrap(api.api.regions[':code'].summary.$get({ param: { code }, query }, withSignal(ctl.signal)))
    }
    catch (err) {
      toast.fromError(err)
      if (!ctl.signal.aborted)
        summary.value = null
    }
    finally {
      if (abort === ctl)
        loading.value = false
    }
  }, { immediate: true })

  return { summary, loading }
}
