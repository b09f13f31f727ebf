import type { HexSize } from '../logic/map-layer-toggles.ts'
import { watch } from 'vue'
import { api, unwrap, withSignal } from '../api/client.ts'
import { useEventLayersStore } from '../stores/event-layers.ts'
import { useToastStore } from '../stores/toast.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * Load the non-zero hex cells of the region on show while the hex layer is on; the cell counts
 * are kept at import on the server, so this is one read per view, size, indicator and period.
 */
export function useHexbins() {
  const store = useViewStore()
  const events = useEventLayersStore()
  const toast = useToastStore()
  let abort: AbortController | null = null

  watch(() => {
    const v = store.view
    if (!v.layers.hexbins || !v.parent || !v.period)
      return null
    const query = { parent: v.parent, size: String(v.layers.hexSize) as `${HexSize}`, indicator: v.indicator, period: v.period }
    return v.to ? { ...query, to: v.to } : query
  }, async (query) => {
    abort?.abort()
    if (!query) {
      events.hexbins = null
      return
    }
    const ctl = abort = new AbortController()
    events.hexLoading = true
    try {
      events.hexbins = await unwrap(api.api.hotspots.hexbins.$get({ query }, withSignal(ctl.signal)))
    }
    catch (err) {
      toast.fromError(err)
    }
    finally {
      if (abort === ctl)
        events.hexLoading = false
    }
  }, { immediate: true, deep: true })
}
