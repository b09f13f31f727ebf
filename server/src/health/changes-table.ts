import type { Polarity } from '../catalog/indicator-catalog.ts'
import type { ChangeCountRow } from '../queries/changes.ts'
import type { MonthRange } from '../queries/choropleth.ts'
import { MIN_TOTAL, monthOnMonth, NOTICE_Z, WARNING_Z, yearOnYear } from '../analysis/change-significance.ts'
import { addMonths } from '../analysis/months.ts'
import { DEFAULT_RATE_OPTIONS, ratesPer10k } from '../analysis/rate-smoothing.ts'

export type ChangeBaseline = 'mom' | 'yoy' | 'yoy3'

/** The months a change reads: the month and its baseline months. */
export function changeMonths(month: string, baseline: ChangeBaseline): string[] {
  if (baseline === 'mom')
    return [month, addMonths(month, -1)]
  const years = baseline === 'yoy' ? 1 : 3
  return [month, ...Array.from({ length: years }, (_, i) => addMonths(month, -12 * (i + 1)))]
}

/**
 * MoM / YoY / YoY over the 3-year mean for each region with the Poisson test (testChange via
 * monthOnMonth / yearOnYear), and the current month's rate per 10k, crude and EB-smoothed across
 * the regions listed. `data` is the span of months with data: inside it a month without a row is
 * a zero, outside it is missing (no change, no flag).
 */
export function buildChanges(rows: readonly ChangeCountRow[], q: { month: string, baseline: ChangeBaseline, polarity: Polarity | undefined }, data: MonthRange | null) {
  const months = changeMonths(q.month, q.baseline)
  const hasData = (m: string) => data !== null && m >= data.from && m <= data.to
  const regions = new Map<string, { code: string, name: string, population: number | null, counts: Map<string, number> }>()
  for (const r of rows) {
    const region = regions.get(r.code) ?? { code: r.code, name: r.name, population: r.population, counts: new Map() }
    if (r.month && r.value !== null)
      region.counts.set(r.month, r.value)
    regions.set(r.code, region)
  }
  const list = [...regions.values()]
  const series = (counts: Map<string, number>) => new Map(months.map(m => [m, hasData(m) ? counts.get(m) ?? 0 : null]))
  const rates = ratesPer10k(list.map(r => ({ code: r.code, count: series(r.counts).get(q.month) ?? 0, population: r.population })))
  const opts = { polarity: q.polarity }
  const out = list.map((r, i) => {
    const s = series(r.counts)
    const t = q.baseline === 'mom' ? monthOnMonth(s, q.month, opts) : yearOnYear(s, q.month, { ...opts, years: q.baseline === 'yoy' ? 1 : 3 })
    const rate = rates.results[i]!
    return {
      code: r.code,
      name: r.name,
      population: r.population,
      current: t.current,
      previous: t.previous,
      change: t.change,
      changePct: t.changePct,
      z: t.z,
      zFlag: t.zFlag,
      flag: t.flag,
      smallCount: t.smallCount,
      direction: t.direction,
      worsening: t.worsening,
      rate: { crude: rate.crude, smoothed: rate.rate, suppressed: rate.applied === 'suppressed' || rate.applied === 'no-population', applied: rate.applied, reason: rate.reason ?? null },
    }
  })
  return {
    baselineMonths: months.slice(1),
    regions: out,
    method: {
      change: q.baseline === 'mom'
        ? 'MoM (环比): the month against the previous month.'
        : q.baseline === 'yoy'
          ? 'YoY (同比): the month against the same month a year earlier.'
          : 'YoY (同比) against the mean P̄ of the same month over the 3 previous years; every one of them must have data.',
      test: `Poisson z = 2(√C − √P) on counts (P̄ for the 3-year mean); zFlag notice at |z| ≥ ${NOTICE_Z}, warning at |z| ≥ ${WARNING_Z}; flag = zFlag (no small-count guard); smallCount marks C + P < ${MIN_TOTAL}, where no exact test of two Poisson counts is significant.`,
      percent: '(C − P) / P × 100; empty (null) when P is 0 or missing.',
      missing: 'A baseline month outside the months with data is missing, not zero: no change, no z, no flag.',
      rate: { ...rates.card, suppressedBelowPopulation: DEFAULT_RATE_OPTIONS.minPopulation, reference: 'the regions listed (the children of the parent in your scope)' },
      dataMonths: data,
    },
  }
}
