import { watch } from 'vue'
import { clampMonth, compareMonths } from '../logic/months.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * Fill what the URL left open from the catalogue (first city, latest month) and pull
 * out-of-range months back into the data's span, so the URL always names the full view.
 */
export function useViewDefaults() {
  const meta = useMetaStore()
  const store = useViewStore()

  watch([() => meta.meta, () => store.view], ([m, view]) => {
    if (!m)
      return
    const { from: first, to: last } = m.months
    const changes: Partial<typeof view> = {}
    const city = view.city ?? m.cities[0]?.code ?? null
    if (city !== view.city)
      changes.city = city
    if (!view.parent && city) {
      Object.assign(changes, { level: 'district', parent: city })
      store.fitPending = true
    }
    const period = clampMonth(view.period ?? undefined, first, last, last)
    if (period !== view.period)
      changes.period = period
    if (view.to) {
      const to = clampMonth(view.to, first, last, last)
      const valid = compareMonths(to, period) > 0 ? to : null
      if (valid !== view.to)
        changes.to = valid
    }
    if (Object.keys(changes).length)
      store.patch(changes)
  }, { immediate: true })
}
