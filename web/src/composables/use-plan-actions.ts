import { plansApi } from '../api/plans-api.ts'
import { planRegion } from '../logic/plan-features.ts'
import { solveRequest } from '../logic/plan-params.ts'
import { usePlansStore } from '../stores/plans.ts'
import { useToastStore } from '../stores/toast.ts'
import { useViewStore } from '../stores/view.ts'

/** Run a plan for the region on the map, save it, open a saved one with its comparison, delete one. */
export function usePlanActions() {
  const plans = usePlansStore()
  const view = useViewStore()
  const toast = useToastStore()
  let abort: AbortController | null = null

  async function run(): Promise<void> {
    const region = planRegion(view.view)
    if (!region)
      return
    abort?.abort()
    const ctl = abort = new AbortController()
    plans.running = true
    try {
      plans.solution = await plansApi.solve(solveRequest(plans.params, region, view.view), ctl.signal)
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
    finally {
      if (abort === ctl)
        plans.running = false
    }
  }

  /** Saves the last solution's parameters under a name (the server solves again and stores its own answer). */
  async function save(name: string): Promise<void> {
    const s = plans.solution
    if (!s)
      return
    const { plan } = await plansApi.create({
      name,
      region: s.region.code,
      k: s.params.k,
      minutes: s.params.minutes,
      months: s.params.months,
      cellSize: s.params.cellSize,
      indicator: s.params.indicator,
      to: s.params.to,
    })
    plans.revision++
    await open(plan.id)
  }

  async function open(id: number): Promise<void> {
    try {
      const { plan } = await plansApi.get(id)
      plans.open(plan)
      plans.comparing = true
      const comparison = await plansApi.compare(id)
      if (plans.opened?.id === id)
        plans.comparison = comparison
    }
    catch (err) {
      toast.fromError(err)
    }
    finally {
      plans.comparing = false
    }
  }

  async function remove(id: number): Promise<void> {
    try {
      await plansApi.remove(id)
      if (plans.opened?.id === id)
        plans.closePlan()
      plans.revision++
    }
    catch (err) {
      toast.fromError(err)
    }
  }

  return { run, save, open, remove }
}
