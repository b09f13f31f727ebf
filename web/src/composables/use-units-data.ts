import { watch } from 'vue'
import { unitsApi } from '../api/units-api.ts'
import { useToastStore } from '../stores/toast.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useUnitsCoverage } from './use-units-coverage.ts'
import { useUnitsVisibility } from './use-units-visibility.ts'

/**
 * Keep the response units loaded while they are shown (layer on or panel open): every unit in
 * scope, the selected unit's 1/3/5-minute reach, and the coverage table and choropleth. All reload
 * after a write (`revision`).
 */
export function useUnitsData() {
  const units = useUnitsStore()
  const toast = useToastStore()
  const { shown } = useUnitsVisibility()
  let listAbort: AbortController | null = null
  let reachAbort: AbortController | null = null

  watch([shown, () => units.revision], async ([isShown]) => {
    listAbort?.abort()
    if (!isShown)
      return
    const ctl = listAbort = new AbortController()
    try {
      units.items = (await unitsApi.list({}, ctl.signal)).features
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })

  watch([shown, () => units.selectedId, () => units.revision], async ([isShown, id]) => {
    reachAbort?.abort()
    if (!isShown || id === null) {
      units.reach = null
      return
    }
    if (units.reach?.unitId !== id)
      units.reach = null
    const ctl = reachAbort = new AbortController()
    try {
      units.reach = await unitsApi.reach(id, ctl.signal)
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })

  useUnitsCoverage()
}
