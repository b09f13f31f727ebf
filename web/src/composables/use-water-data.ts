import { watch } from 'vue'
import { waterApi } from '../api/water-api.ts'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useToastStore } from '../stores/toast.ts'
import { useWaterStore } from '../stores/water.ts'
import { useWaterRegion, useWaterVisibility } from './use-water-visibility.ts'

/** A loader that aborts the previous request and toasts failures (not aborts). */
function latest() {
  const toast = useToastStore()
  let ctl: AbortController | null = null
  return async (load: (signal: AbortSignal) => Promise<void>) => {
    ctl?.abort()
    const mine = ctl = new AbortController()
    try {
      await load(mine.signal)
    }
    catch (err) {
      if (!mine.signal.aborted)
        toast.fromError(err)
    }
  }
}

/**
 * Keep zones, assets, routes and the shoreline coverage loaded while the layers show (they reload
 * after every write), and the calendar while the panel is open, for the region in view.
 */
export function useWaterData() {
  const water = useWaterStore()
  const side = useSidePanelStore()
  const shown = useWaterVisibility()
  const region = useWaterRegion()
  const features = latest()
  const coverage = latest()
  const calendar = latest()

  watch([shown, () => water.revision], ([on]) => on && features(async (signal) => {
    const [z, a, r] = await Promise.all([waterApi.zones(signal), waterApi.assets(signal), waterApi.routes(signal)])
    water.zones = z.features
    water.assets = a.features
    water.routes = r.features
  }), { immediate: true })

  watch([shown, region, () => water.revision], ([on, code]) => on && coverage(async (signal) => {
    water.coverage = await waterApi.coverage(code, signal)
  }), { immediate: true })

  watch([() => side.active === 'water', region, () => water.calendarMonths], ([open, code, months]) => open && calendar(async (signal) => {
    water.calendar = await waterApi.calendar(code, months, signal)
  }), { immediate: true })
}
