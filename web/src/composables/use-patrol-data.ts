import { watch } from 'vue'
import { patrolApi } from '../api/patrol-api.ts'
import { usePatrolStore } from '../stores/patrol.ts'
import { useToastStore } from '../stores/toast.ts'

/**
 * Keep the patrol zones loaded (the list the map draws too), and the selected zone's heatmap for
 * the chosen months and window length. Both reload after every write (`revision`).
 */
export function usePatrolData() {
  const patrol = usePatrolStore()
  const toast = useToastStore()
  let listAbort: AbortController | null = null
  let heatAbort: AbortController | null = null

  watch(() => patrol.revision, async () => {
    listAbort?.abort()
    const ctl = listAbort = new AbortController()
    try {
      patrol.items = (await patrolApi.list(ctl.signal)).features
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })

  watch([() => patrol.selectedId, () => patrol.revision, () => patrol.heatmapMonths, () => patrol.windowHours], async ([id]) => {
    heatAbort?.abort()
    if (id === null) {
      patrol.heatmap = null
      return
    }
    const ctl = heatAbort = new AbortController()
    try {
      patrol.heatmap = (await patrolApi.heatmap(id, { months: String(patrol.heatmapMonths), hours: String(patrol.windowHours) }, ctl.signal)).heatmap
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })
}
