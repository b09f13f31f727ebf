import type { Feature } from 'geojson'
import { watch } from 'vue'
import { supervisionApi } from '../api/supervision-api.ts'
import { useSupervisionStore } from '../stores/supervision.ts'
import { useToastStore } from '../stores/toast.ts'

/**
 * Keep supervision listings loaded: the filtered list while the panel is open, the listed regions
 * for the map while the layer shows, and the selected listing with its notes. All reload after
 * every write (`revision`).
 */
export function useSupervisionData() {
  const s = useSupervisionStore()
  const toast = useToastStore()
  let listAbort: AbortController | null = null
  let mapAbort: AbortController | null = null
  let detailAbort: AbortController | null = null

  watch([() => s.open, () => s.filters, () => s.revision], async ([open]) => {
    listAbort?.abort()
    if (!open)
      return
    const ctl = listAbort = new AbortController()
    const f = s.filters
    try {
      s.items = (await supervisionApi.list({ ...(f.status ? { status: f.status } : {}), ...(f.overdue ? { overdue: 'true' } : {}) }, ctl.signal)).listings
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true, deep: true })

  watch([() => s.visible, () => s.revision], async ([visible]) => {
    mapAbort?.abort()
    if (!visible)
      return
    const ctl = mapAbort = new AbortController()
    try {
      const fc = await supervisionApi.map({ status: 'listed' }, ctl.signal)
      s.mapData = { type: 'FeatureCollection', features: fc.features as Feature[] }
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })

  watch([() => s.selectedId, () => s.revision], async ([id]) => {
    detailAbort?.abort()
    if (id === null) {
      s.detail = null
      return
    }
    if (s.detail?.listing.id !== id)
      s.detail = null
    const ctl = detailAbort = new AbortController()
    try {
      s.detail = await supervisionApi.get(id, ctl.signal)
    }
    catch (err) {
      if (!ctl.signal.aborted)
        toast.fromError(err)
    }
  }, { immediate: true })
}
