import type { PlanComparison, PlanSolution, SavedPlan } from '../api/plans-api.ts'
import type { PlanParams } from '../logic/plan-params.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { DEFAULT_PLAN_PARAMS } from '../logic/plan-params.ts'

/** What the plans panel shows: a new plan (parameters, result, save) or the saved plans. */
export type PlansPanelMode = 'run' | 'saved'

/**
 * Patrol planning: the parameters, the last solution, the saved plans, the plan opened from the
 * list and its comparison with today. The map shows the opened plan, else the last solution.
 */
export const usePlansStore = defineStore('plans', () => {
  const mode = ref<PlansPanelMode>('run')
  const params = ref<PlanParams>({ ...DEFAULT_PLAN_PARAMS })
  const solution = shallowRef<PlanSolution | null>(null)
  const running = ref(false)
  const saved = shallowRef<SavedPlan[]>([])
  const opened = shallowRef<SavedPlan | null>(null)
  const comparison = shallowRef<PlanComparison | null>(null)
  const comparing = ref(false)
  /** Bumped after a save or a delete, so the list reloads. */
  const revision = ref(0)

  const shown = computed(() => {
    if (mode.value === 'saved')
      return opened.value ? { posts: opened.value.posts, route: opened.value.route, candidates: [] } : null
    return solution.value ? { posts: solution.value.posts, route: solution.value.route, candidates: solution.value.candidates.features } : null
  })

  function open(plan: SavedPlan) {
    mode.value = 'saved'
    opened.value = plan
    comparison.value = null
  }

  function closePlan() {
    opened.value = null
    comparison.value = null
  }

  return { mode, params, solution, running, saved, opened, comparison, comparing, revision, shown, open, closePlan }
})
