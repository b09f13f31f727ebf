import type { IndexLeaf, RiskIndexConfig } from '../analysis/risk-index-config.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { MonthRange } from '../queries/choropleth.ts'
import type { ReferenceCount } from '../queries/risk-index.ts'
import { addMonths, monthRange } from '../analysis/months.ts'
import { DEFAULT_RATE_OPTIONS, ratesPer10k } from '../analysis/rate-smoothing.ts'
import { classLeaves, subclassLeaves } from '../analysis/risk-index-config.ts'

// From counts to the index's leaf values: rates per 10,000 residents per month, Empirical Bayes
// smoothed across every region of the level (rate-smoothing.ts), suppressed below its population
// limit. The reference is every region of the level, one row per region and month over the 12
// months to the period's end; a region's value is its rate over the period, per month.

export const REFERENCE_MONTHS = 12

export function indexLeaves(config: RiskIndexConfig): IndexLeaf[] {
  return config.leafLevel === 'class' ? classLeaves() : subclassLeaves()
}

/** Every sub-class code (with the older codes it replaces) paired with the leaf it counts towards. */
export function leafCodeMap(catalog: Catalog, leaves: readonly IndexLeaf[]): { codes: string[], leaves: string[] } {
  const pairs = leaves.flatMap(l => catalog.leaves(l.code).map(code => [code, l.code] as const))
  return { codes: pairs.map(p => p[0]), leaves: pairs.map(p => p[1]) }
}

/** The months read: the reference window and the period, whichever starts first. */
export function readWindow(period: MonthRange): MonthRange {
  const refFrom = addMonths(period.to, 1 - REFERENCE_MONTHS)
  return { from: refFrom < period.from ? refFrom : period.from, to: period.to }
}

function within(months: string[], data: MonthRange | null): string[] {
  return data ? months.filter(m => m >= data.from && m <= data.to) : []
}

export interface LeafValueSet {
  /** Leaf values per region code: mean monthly rate per 10k over the period's months with data. */
  values: Map<string, Record<string, number | null>>
  reference: Array<Record<string, number | null>>
  referenceMonths: string[]
  periodMonths: string[]
  regionCount: number
}

/**
 * `data` is the span of months the rollup holds: inside it a month without a row is a zero,
 * outside it there is no data (a period wholly outside gives null values; such months are not in
 * the reference either).
 */
export function leafValues(rows: readonly ReferenceCount[], leaves: readonly IndexLeaf[], period: MonthRange, data: MonthRange | null): LeafValueSet {
  const population = new Map<string, number | null>()
  const counts = new Map<string, number>()
  for (const r of rows) {
    population.set(r.region, r.population)
    if (r.leaf && r.month && r.value !== null)
      counts.set(`${r.region}|${r.leaf}|${r.month}`, r.value)
  }
  const regions = [...population.keys()].sort()
  const rates = (count: (region: string) => number) => ratesPer10k(regions.map(code => ({ code, count: count(code), population: population.get(code) ?? null }))).results

  const referenceMonths = within(monthRange(addMonths(period.to, 1 - REFERENCE_MONTHS), period.to), data)
  const reference: Array<Record<string, number | null>> = []
  for (const m of referenceMonths) {
    const rows = regions.map(() => ({}) as Record<string, number | null>)
    for (const leaf of leaves) {
      rates(code => counts.get(`${code}|${leaf.code}|${m}`) ?? 0).forEach((r, i) => {
        rows[i]![leaf.code] = r.rate
      })
    }
    reference.push(...rows)
  }

  const periodMonths = within(monthRange(period.from, period.to), data)
  const values = new Map(regions.map(code => [code, {} as Record<string, number | null>]))
  for (const leaf of leaves) {
    // EB on the period's total is EB per month × the number of months (the estimator is unchanged
    // when every population is scaled by the same factor), so dividing by it gives a monthly rate.
    const results = periodMonths.length
      ? rates(code => periodMonths.reduce((s, m) => s + (counts.get(`${code}|${leaf.code}|${m}`) ?? 0), 0))
      : null
    regions.forEach((code, i) => {
      const rate = results?.[i]?.rate ?? null
      values.get(code)![leaf.code] = rate === null ? null : rate / periodMonths.length
    })
  }
  return { values, reference, referenceMonths, periodMonths, regionCount: regions.length }
}

export const RATE_METHOD = {
  unit: 'rate per 10,000 residents per month',
  smoothing: 'Global Empirical Bayes (Marshall 1991) across every region of the level, per month (rate-smoothing.ts)',
  minPopulation: DEFAULT_RATE_OPTIONS.minPopulation,
  suppression: `A region with a population below ${DEFAULT_RATE_OPTIONS.minPopulation} has no rate (suppressed): its leaves are missing and left out.`,
} as const
