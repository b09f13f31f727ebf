import type { Catalog, IndicatorNode } from '../domain/catalog.ts'
import type { MonthRange } from '../queries/choropleth.ts'
import type { CompareCount } from '../queries/compare.ts'
import type { RegionRow } from '../queries/regions.ts'
import type { ReportPeriod } from './period.ts'
import { addMonths } from '../analysis/months.ts'
import { buildComparison } from '../compare/table.ts'
import { quarterEnd } from './period.ts'

export type PeriodComparison = ReturnType<typeof buildComparison>
export type PeriodRegion = PeriodComparison['regions'][number]

/**
 * The regional comparison (compare/table.ts) for a report period. A month is compared as it is.
 * A quarter is folded first: every month's counts are keyed by the last month of its quarter, so
 * the comparison's "month" is the quarter's sum and its YoY (twelve months back) is the same
 * quarter a year before. Only the baseline the period names (period.baseline) is read: a folded
 * comparison's MoM means nothing.
 */
export function periodComparison(catalog: Catalog, regions: RegionRow[], counts: CompareCount[], period: ReportPeriod, data: MonthRange | null): PeriodComparison {
  if (period.unit === 'month')
    return buildComparison(catalog, regions, counts, period.end, data)
  const folded = counts.map(c => ({ ...c, month: quarterEnd(c.month) }))
  // A quarter has data only when all its months lie inside the data: the first full quarter on.
  const range = data && { from: quarterEnd(addMonths(data.from, 2)), to: quarterEnd(data.to) }
  return buildComparison(catalog, regions, folded, period.end, range && range.from <= range.to ? range : null)
}

/**
 * The sub-class variant: a view of the catalog whose only "category" is one major class, so that
 * the same comparison gives each sub-class (as a "class" column) its value, rate and tested change.
 */
export function classCatalog(catalog: Catalog, cls: IndicatorNode): Catalog {
  return { ...catalog, tree: [{ ...cls, kind: 'category' }] }
}

/** The ten major classes, in catalog order, with their category. */
export function majorClasses(catalog: Catalog): Array<{ node: IndicatorNode, category: IndicatorNode }> {
  return catalog.tree.flatMap(category => (category.children ?? []).map(node => ({ node, category })))
}
