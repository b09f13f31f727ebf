import type { ChoroplethQuery, Compare } from '../api/client.ts'
import { watch } from 'vue'
import { api, unwrap, withSignal } from '../api/client.ts'
import { useThematicStore } from '../stores/thematic.ts'
import { useToastStore } from '../stores/toast.ts'
import { useViewStore } from '../stores/view.ts'

/** Load region geometry and choropleth figures whenever the view asks for something new. */
export function useThematicData() {
  const store = useViewStore()
  const thematic = useThematicStore()
  const toast = useToastStore()
  let regionsAbort: AbortController | null = null
  let figuresAbort: AbortController | null = null

  watch(() => [store.view.level, store.view.parent, store.view.city] as const, async ([level, parent, city]) => {
    if (!parent)
      return
    regionsAbort?.abort()
    const ctl = regionsAbort = new AbortController()
    const regions = (query: { level: 'district' | 'township', parent: string }) =>
      unwrap(api.api.regions.$get({ query }, withSignal(ctl.signal)))
    try {
      const [current, context] = await Promise.all([
        regions({ level, parent }),
        level === 'township' && city ? regions({ level: 'district', parent: city }) : null,
      ])
      thematic.regions = current
      thematic.regionsKey = `${level}:${parent}`
      thematic.context = context
    }
    catch (err) { toast.fromError(err) }
  }, { immediate: true })

  watch(() => {
    const v = store.view
    if (!v.parent || !v.period)
      return null
    const query: ChoroplethQuery = { level: v.level, parent: v.parent, indicator: v.indicator, period: v.period, normalize: v.normalize, compare: v.compare, classify: v.classify, k: String(v.k) }
    return v.to ? { ...query, to: v.to } : query
  }, async (query) => {
    if (!query)
      return
    figuresAbort?.abort()
    const ctl = figuresAbort = new AbortController()
    const fetchVariant = (compare: Compare) => unwrap(api.api.choropleth.$get({ query: { ...query, compare } }, withSignal(ctl.signal)))
    const variant = (compare: Compare) => compare === query.compare ? null : fetchVariant(compare)
    thematic.loading = true
    try {
      // The tooltip always shows MoM and YoY; the main request supplies the classes being drawn.
      const [main, mom, yoy] = await Promise.all([fetchVariant(query.compare ?? 'none'), variant('mom'), variant('yoy')])
      thematic.choropleth = main
      thematic.mom = mom ?? main
      thematic.yoy = yoy ?? main
    }
    catch (err) { toast.fromError(err) }
    finally {
      if (figuresAbort === ctl)
        thematic.loading = false
    }
  }, { immediate: true, deep: true })
}
