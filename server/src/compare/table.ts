import type { ChangeDirection, ChangeFlag } from '../analysis/change-significance.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { CompareCount } from '../queries/compare.ts'
import type { RegionRow } from '../queries/regions.ts'
import { MIN_TOTAL, testChange } from '../analysis/change-significance.ts'
import { per10k } from '../analysis/change.ts'
import { addMonths, monthRange } from '../analysis/months.ts'
import { DEFAULT_RATE_OPTIONS } from '../analysis/rate-smoothing.ts'
import { indicatorColumns } from './indicators.ts'

export const TREND_MONTHS = 24

/** The months one comparison reads: the trend window, and the same month a year before for YoY. */
export function compareWindow(month: string) {
  return {
    month,
    mom: addMonths(month, -1),
    yoy: addMonths(month, -12),
    trend: monthRange(addMonths(month, -(TREND_MONTHS - 1)), month),
    read: { from: addMonths(month, -(TREND_MONTHS - 1)), to: month },
  }
}

export interface CompareChange {
  /** The baseline count P (null: no data for that month). */
  previous: number | null
  change: number | null
  /** (C − P) / P × 100; null when P is 0 or missing. */
  changePct: number | null
  z: number | null
  /** The flag by |z| (METHODS.md); `smallCount` marks C + P < MIN_TOTAL, shown but not suppressed. */
  flag: ChangeFlag
  zFlag: ChangeFlag
  smallCount: boolean
  direction: ChangeDirection | null
  worsening: boolean | null
}

export interface CompareCell {
  value: number
  per10k: number | null
  mom: CompareChange
  yoy: CompareChange
}

/**
 * The comparison of regions for one month, from region × sub-class × month counts. `dataMonths`
 * is the span of months the rollup holds: a month inside it with no row is a zero, a month outside
 * it has no data (null), so that a baseline before the data began raises no change.
 */
export function buildComparison(catalog: Catalog, regions: RegionRow[], counts: CompareCount[], month: string, dataMonths: { from: string, to: string } | null) {
  const w = compareWindow(month)
  const columns = indicatorColumns(catalog)
  const bySub = new Map<string, number>()
  for (const c of counts)
    bySub.set(`${c.region}|${c.indicator}|${c.month}`, (bySub.get(`${c.region}|${c.indicator}|${c.month}`) ?? 0) + c.value)
  const hasData = (m: string) => dataMonths !== null && m >= dataMonths.from && m <= dataMonths.to
  const sum = (region: string, leaves: string[], m: string) => leaves.reduce((s, leaf) => s + (bySub.get(`${region}|${leaf}|${m}`) ?? 0), 0)
  const count = (region: string, leaves: string[], m: string) => hasData(m) ? sum(region, leaves, m) : null

  const out = regions.map((r) => {
    const cells: Record<string, CompareCell> = {}
    for (const col of columns) {
      // The current value is always a number, as /api/choropleth gives it; only baselines can be missing.
      const value = sum(r.code, col.leaves, month)
      const opts = { polarity: col.polarity ?? undefined }
      const change = (previous: number | null): CompareChange => {
        const t = testChange(value, previous, opts)
        return { previous, change: t.change, changePct: t.changePct, z: t.z, flag: t.flag, zFlag: t.zFlag, smallCount: t.smallCount, direction: t.direction, worsening: t.worsening }
      }
      cells[col.code] = { value, per10k: per10k(value, r.population), mom: change(count(r.code, col.leaves, w.mom)), yoy: change(count(r.code, col.leaves, w.yoy)) }
    }
    const trends: Record<string, (number | null)[]> = {}
    for (const col of columns.filter(c => c.kind !== 'class'))
      trends[col.code] = w.trend.map(m => count(r.code, col.leaves, m))
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      parent: r.parent,
      population: r.population,
      populationSynthetic: r.populationSynthetic,
      approximate: r.approximate,
      /** Below this population a rate per 10k is unstable (the suppression limit of rate-smoothing.ts). */
      smallPopulation: r.population !== null && r.population < DEFAULT_RATE_OPTIONS.minPopulation,
      cells,
      trends,
    }
  })
  return {
    month,
    momMonth: w.mom,
    yoyMonth: w.yoy,
    trendMonths: w.trend,
    dataMonths,
    indicators: columns.map(({ leaves: _, ...c }) => c),
    regions: out,
    method: {
      value: 'Counts for the month from the region × sub-class × month rollup: the same sums as /api/choropleth?period=<month>&indicator=<code> gives for the region.',
      per10k: `Crude rate: count × 10,000 / population, as /api/choropleth?normalize=per10k. Not smoothed: Empirical Bayes needs a set of sibling regions, and a comparison may mix levels. Rates for populations below ${DEFAULT_RATE_OPTIONS.minPopulation} are marked smallPopulation. Populations flagged synthetic are synthetic.`,
      change: `MoM against the previous month, YoY against the same month a year earlier. z = 2(√C − √P) on counts (Poisson); flag notice at |z| ≥ 2, warning at |z| ≥ 3; smallCount marks C + P < ${MIN_TOTAL}, where no exact test would call a change significant. Percent is empty when P is 0. A baseline month outside the data gives no change.`,
      minTotal: MIN_TOTAL,
      minPopulation: DEFAULT_RATE_OPTIONS.minPopulation,
    },
  }
}

export type Comparison = ReturnType<typeof buildComparison>
