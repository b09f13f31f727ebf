import type { Catalog, IndicatorNode } from '../domain/catalog.ts'
import type { MonthRange } from '../queries/choropleth.ts'
import { monthRange } from '../analysis/months.ts'

interface NodeTotal { code: string, name: { zh: string, en: string }, value: number }

/** Totals by category and class from per-sub-class sums, and a gap-free monthly trend. */
export function summarize(catalog: Catalog, totals: Map<string, number>, trend: Map<string, number>, trendRange: MonthRange) {
  const sum = (node: IndicatorNode) => catalog.leaves(node.code).reduce((s, leaf) => s + (totals.get(leaf) ?? 0), 0)
  const total = (node: IndicatorNode): NodeTotal => ({ code: node.code, name: node.name, value: sum(node) })
  return {
    total: catalog.leaves('all').reduce((s, leaf) => s + (totals.get(leaf) ?? 0), 0),
    categories: catalog.tree.map(cat => ({ ...total(cat), stage: cat.stage, classes: (cat.children ?? []).map(total) })),
    trend: monthRange(trendRange.from, trendRange.to).map(month => ({ month, value: trend.get(month) ?? 0 })),
  }
}
