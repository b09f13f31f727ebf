import { watch } from 'vue'
import { listedApi } from '../api/listed-api.ts'
import { listedQuery } from '../logic/listed-filters.ts'
import { useListedStore } from '../stores/listed.ts'
import { useToastStore } from '../stores/toast.ts'

/**
 * Keep the listed hotspots loaded: the filtered list (which the map draws too) and the selected
 * item with its transitions. Both reload after every write (`revision`).
 */
export function useListedData() {
  const listed = useListedStore()
  const toast = useToastStore()
  let listAbort: AbortController | null = null
  let detailAbort: AbortController | null = null

  watch([() => listed.filters, () => listed.revision], async () => {
    listAbort?.abort()
    const ctl = listAbort = new AbortController()
    try {
      listed.items = (await listedApi.list(listedQuery(listed.filters), ctl.signal)).features
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true, deep: true })

  watch([() => listed.selectedId, () => listed.revision], async ([id]) => {
    detailAbort?.abort()
    if (id === null) {
      listed.detail = null
      return
    }
    if (listed.detail?.hotspot.id !== id)
      listed.detail = null
    const ctl = detailAbort = new AbortController()
    try {
      listed.detail = await listedApi.get(id, ctl.signal)
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })
}
