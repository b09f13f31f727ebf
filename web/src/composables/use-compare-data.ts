import type { Comparison } from '../api/compare-api.ts'
import { computed, ref, shallowRef, watch } from 'vue'
import { compareApi } from '../api/compare-api.ts'
import { useCompareStore } from '../stores/compare.ts'
import { useToastStore } from '../stores/toast.ts'
import { useViewStore } from '../stores/view.ts'

/** The month a comparison is for: the view's month, or the last month of its range. */
export function useCompareMonth() {
  const view = useViewStore()
  return computed(() => view.view.to ?? view.view.period)
}

/** The comparison of the tray's regions for the view's month, fetched whenever either changes. */
export function useCompareData() {
  const compare = useCompareStore()
  const toast = useToastStore()
  const month = useCompareMonth()
  const data = shallowRef<Comparison | null>(null)
  const loading = ref(false)
  let abort: AbortController | null = null

  watch([() => compare.codes, month, () => compare.open], async ([codes, m, open]) => {
    abort?.abort()
    if (!open || !m || !compare.ready) {
      data.value = null
      return
    }
    const ctl = abort = new AbortController()
    loading.value = true
    try {
      data.value = await compareApi.get(codes, m, ctl.signal)
    }
    catch (err) {
      toast.fromError(err)
      if (!ctl.signal.aborted)
        data.value = null
    }
    finally {
      if (abort === ctl)
        loading.value = false
    }
  }, { immediate: true })

  return { data, loading, month }
}
