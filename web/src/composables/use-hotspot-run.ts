import type { HotspotLayer } from '../logic/gistar-state.ts'
import type { HotspotResults } from '../stores/hotspots.ts'
import { watch } from 'vue'
import { ApiError } from '../api/client.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'

/**
 * Keep one analysis layer's results in step with its query (null while the layer is off). The
 * latest query wins: a new one aborts the request before it. Errors stay with the layer as an
 * ApiError (shown in its legend) rather than in a toast, and a selected cell of the layer is
 * looked up again in the new results. `onQuery` sees every query first, null included.
 */
export function useHotspotRun<L extends HotspotLayer, Q>(
  layer: L,
  query: () => Q | null,
  load: (query: Q, signal: AbortSignal) => Promise<HotspotResults[L]>,
  onQuery?: (query: Q | null) => void,
) {
  const hotspots = useHotspotsStore()
  let abort: AbortController | null = null

  watch(query, async (q) => {
    abort?.abort()
    onQuery?.(q)
    if (!q) {
      hotspots.clear(layer)
      hotspots.setLoading(layer, false)
      return
    }
    const ctl = abort = new AbortController()
    hotspots.setLoading(layer, true)
    try {
      hotspots.loaded(layer, await load(q, ctl.signal))
    }
    catch (err) {
      if ((err as Error).name === 'AbortError')
        return
      hotspots.failed(layer, err instanceof ApiError ? err : new ApiError(0, 'client', (err as Error).message))
    }
    finally {
      if (abort === ctl)
        hotspots.setLoading(layer, false)
    }
  }, { immediate: true, deep: true })
}
