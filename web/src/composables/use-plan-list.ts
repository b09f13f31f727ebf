import { watch } from 'vue'
import { plansApi } from '../api/plans-api.ts'
import { usePlansStore } from '../stores/plans.ts'
import { useToastStore } from '../stores/toast.ts'

/** The saved plans in scope, loaded while the saved list is on show and after every save or delete. */
export function usePlanList() {
  const plans = usePlansStore()
  const toast = useToastStore()
  let abort: AbortController | null = null

  watch([() => plans.mode, () => plans.revision], async ([mode]) => {
    abort?.abort()
    if (mode !== 'saved')
      return
    const ctl = abort = new AbortController()
    try {
      plans.saved = (await plansApi.list(undefined, ctl.signal)).plans
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })
}
