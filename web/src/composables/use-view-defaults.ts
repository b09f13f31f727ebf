import { watch } from 'vue'
import { cityOfRegion } from '../logic/city-of-region.ts'
import { clampMonth, compareMonths } from '../logic/months.ts'
import { scopeRootView, viewWithinScope } from '../logic/scope-view.ts'
import { useAuthStore } from '../stores/auth.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * Fill what the URL left open from the catalogue (first city, latest month) and pull
 * out-of-range months back into the data's span, so the URL always names the full view.
 * A user with a region scope starts at, and cannot leave, the scope's own level.
 */
export function useViewDefaults() {
  const meta = useMetaStore()
  const store = useViewStore()
  const auth = useAuthStore()

  watch([() => meta.meta, () => store.view, () => auth.scope], ([m, view, scope]) => {
    const root = scopeRootView(scope)
    if (root && (!view.parent || !viewWithinScope(view, scope))) {
      store.patch(root)
      store.fitPending = true
      return
    }
    if (!m)
      return
    const { from: first, to: last } = m.months
    const changes: Partial<typeof view> = {}
    // A link such as ?level=township&parent=500104 names its city through the district's code.
    const city = view.city ?? (view.parent ? cityOfRegion(view.parent, m.cities) : null) ?? m.cities[0]?.code ?? null
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
