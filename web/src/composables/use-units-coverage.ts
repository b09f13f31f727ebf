import { computed, watch } from 'vue'
import { unitsApi } from '../api/units-api.ts'
import { coverageQuery } from '../logic/coverage-state.ts'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useToastStore } from '../stores/toast.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * The coverage of the regions on the map (the view's level and parent and indicator, the last N
 * months to the view's month), loaded while the panel is open or the choropleth is coloured by it;
 * reloaded after every unit write. N is the choropleth's when it is on (it is in the URL), else the panel's.
 */
export function useUnitsCoverage() {
  const view = useViewStore()
  const side = useSidePanelStore()
  const units = useUnitsStore()
  const toast = useToastStore()
  let abort: AbortController | null = null

  const months = computed(() => view.view.layers.coverage?.months ?? units.coverageMonths)
  const wanted = computed(() => side.active === 'units' || !!view.view.layers.coverage)
  const query = computed(() => wanted.value ? coverageQuery(view.view, months.value) : null)

  watch(() => view.view.layers.coverage?.months, (m) => {
    if (m !== undefined)
      units.coverageMonths = m
  }, { immediate: true })

  watch([query, () => units.revision], async ([q]) => {
    abort?.abort()
    if (!q)
      return
    const ctl = abort = new AbortController()
    units.coverageLoading = true
    try {
      units.coverage = await unitsApi.coverage(q, ctl.signal)
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
    finally {
      if (abort === ctl)
        units.coverageLoading = false
    }
  }, { immediate: true, deep: true })
}
