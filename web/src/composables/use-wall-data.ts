import { onBeforeUnmount, watch } from 'vue'
import { wallApi } from '../api/wall-api.ts'
import { useWallStore } from '../stores/wall.ts'

/**
 * KPI tiles, ticker, top-N and trend for the wall. KPIs and ticker follow the playlist; top-N and
 * trend follow the scene's indicator and region. All refetch when `revision` moves (an import).
 * A failed fetch keeps the last good figures on screen: the banner says how old they are.
 */
export function useWallData() {
  const wall = useWallStore()
  let abortPlaylist: AbortController | null = null
  let abortScene: AbortController | null = null

  watch(() => [wall.playlist?.id, wall.playlist?.region, wall.revision] as const, async ([id, region]) => {
    abortPlaylist?.abort()
    if (!id || !region)
      return
    const ctl = abortPlaylist = new AbortController()
    const [kpis, ticker] = await Promise.allSettled([
      wallApi.kpis(id, ctl.signal),
      wallApi.ticker({ region, limit: '20' }, ctl.signal),
    ])
    if (ctl.signal.aborted)
      return
    if (kpis.status === 'fulfilled') {
      wall.kpis = kpis.value
      wall.month = kpis.value.month
      wall.markFresh()
    }
    if (ticker.status === 'fulfilled')
      wall.ticker = ticker.value
  }, { immediate: true })

  watch(() => [wall.sceneRegion, wall.scene?.indicator, wall.month, wall.revision] as const, async ([region, indicator, month]) => {
    abortScene?.abort()
    if (!region || !indicator || !month)
      return
    const ctl = abortScene = new AbortController()
    const [top, trend] = await Promise.allSettled([
      wallApi.top({ region, indicator, month, n: '10' }, ctl.signal),
      wallApi.trend({ region, indicator, month, months: '24' }, ctl.signal),
    ])
    if (ctl.signal.aborted)
      return
    wall.panelIndicator = indicator
    if (top.status === 'fulfilled')
      wall.top = top.value
    if (trend.status === 'fulfilled')
      wall.trend = trend.value
  }, { immediate: true })

  onBeforeUnmount(() => {
    abortPlaylist?.abort()
    abortScene?.abort()
  })
}
