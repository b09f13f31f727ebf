import type { Polarity } from '../catalog/indicator-catalog.ts'
import type { Change } from './change.ts'
import { change } from './change.ts'
import { addMonths } from './months.ts'

// Month-on-month and year-on-year change with the Poisson test of METHODS.md. A percent change
// of +200% on 1 → 3 events means nothing; z = 2(√C − √P) compares the two counts on the square-
// root scale, where a Poisson count's variance is about ¼ whatever its mean, so small counts stop
// raising alarms. Tests run on counts, never on rates or percentages.

export type ChangeFlag = 'none' | 'notice' | 'warning'
export type ChangeDirection = 'up' | 'down' | 'flat'
export type Baseline = 'previous-month' | 'same-month-last-year' | 'same-month-mean'

/** |z| at or above these flags a change (METHODS.md). */
export const NOTICE_Z = 2
export const WARNING_Z = 3
/**
 * No flag while C + P is below this. Taking P as the expected count fails at the bottom of the
 * scale: 0 → 1 gives z = 2 and 0 → 3 gives z = 3.46, yet the exact (conditional binomial) test of
 * two Poisson counts finds nothing there. Below a total of 6 no split is significant at 95% by
 * that test: the most extreme, 0 and 5, has p = 2/2⁵ = 0.0625.
 */
export const MIN_TOTAL = 6

export interface SignificantChange extends Change {
  current: number | null
  /** The baseline count P: last month, the same month last year, or the mean over `years`. */
  previous: number | null
  baseline: Baseline
  /** Months the baseline was taken from (one, or `years` for a mean). */
  baselineMonths: string[]
  /** 2(√C − √P); null when either side is missing. */
  z: number | null
  /** The flag by |z| alone, exactly as METHODS.md defines it. */
  zFlag: ChangeFlag
  /** zFlag, unless C + P is below the `minTotal` asked for (default 0: never): then 'none'. */
  flag: ChangeFlag
  /** C + P < MIN_TOTAL: no exact test for two Poisson counts would call the change significant. Informational unless `minTotal` is set. */
  smallCount: boolean
  direction: ChangeDirection | null
  /** Given a polarity: true when the change is a significant move in the bad direction. */
  worsening: boolean | null
}

export interface ChangeTestOptions {
  polarity?: Polarity
  notice?: number
  warning?: number
  /** Minimum C + P for a flag: default 0 (METHODS.md's bare flags); MIN_TOTAL holds back splits no exact test finds significant. */
  minTotal?: number
}

/** Poisson z for a count C against a baseline P (or a mean of baselines): 2(√C − √P). */
export function poissonZ(current: number, previous: number): number {
  return 2 * (Math.sqrt(current) - Math.sqrt(previous))
}

export function flagOf(z: number | null, notice = NOTICE_Z, warning = WARNING_Z): ChangeFlag {
  if (z === null)
    return 'none'
  const a = Math.abs(z)
  return a >= warning ? 'warning' : a >= notice ? 'notice' : 'none'
}

/**
 * The change from P to C with its Poisson test. Counts must be non-negative; a missing side
 * (null) gives null change, null z and flag 'none'. `flag` is `zFlag` held back to 'none' when
 * C + P < minTotal.
 */
export function testChange(current: number | null, previous: number | null, opts: ChangeTestOptions & { baseline?: Baseline, baselineMonths?: string[] } = {}): SignificantChange {
  for (const v of [current, previous]) {
    if (v !== null && !(Number.isFinite(v) && v >= 0))
      throw new RangeError(`counts must be finite and non-negative, got ${v}`)
  }
  const base = change(current, previous)
  const z = current === null || previous === null ? null : poissonZ(current, previous)
  const zFlag = flagOf(z, opts.notice, opts.warning)
  const total = current !== null && previous !== null ? current + previous : null
  const smallCount = total !== null && total < MIN_TOTAL
  const flag = total !== null && total < (opts.minTotal ?? 0) ? 'none' : zFlag
  const direction = base.change === null ? null : base.change > 0 ? 'up' : base.change < 0 ? 'down' : 'flat'
  let worsening: boolean | null = null
  if (opts.polarity && direction)
    worsening = flag !== 'none' && direction === (opts.polarity === 'rise_bad' ? 'up' : 'down')
  return {
    ...base,
    current,
    previous,
    baseline: opts.baseline ?? 'previous-month',
    baselineMonths: opts.baselineMonths ?? [],
    z,
    zFlag,
    flag,
    smallCount,
    direction,
    worsening,
  }
}

/**
 * A monthly count series: a month that is absent or null has no data, which is not the same as
 * a zero. Callers fill zeros for months whose data arrived.
 */
export type MonthlyCounts = ReadonlyMap<string, number | null>

/** Month on month (环比): this month against the previous month. */
export function monthOnMonth(series: MonthlyCounts, month: string, opts: ChangeTestOptions = {}): SignificantChange {
  const prev = addMonths(month, -1)
  return testChange(series.get(month) ?? null, series.get(prev) ?? null, { ...opts, baseline: 'previous-month', baselineMonths: [prev] })
}

export interface YearOnYearOptions extends ChangeTestOptions {
  /** 1: the same month last year. More: the mean of the same month over that many years. */
  years?: number
}

/**
 * Year on year (同比). With `years` > 1 the baseline is the mean P̄ of the same month over the
 * previous `years` years, every one of which must have data, and z = 2(√C − √P̄): the mean is
 * treated as the expected count, exactly as a single P is.
 */
export function yearOnYear(series: MonthlyCounts, month: string, opts: YearOnYearOptions = {}): SignificantChange {
  const years = opts.years ?? 1
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError(`years must be a positive integer, got ${years}`)
  const months = Array.from({ length: years }, (_, i) => addMonths(month, -12 * (i + 1)))
  const values = months.map(m => series.get(m) ?? null)
  const previous = values.includes(null) ? null : (values as number[]).reduce((a, b) => a + b, 0) / years
  return testChange(series.get(month) ?? null, previous, {
    ...opts,
    baseline: years === 1 ? 'same-month-last-year' : 'same-month-mean',
    baselineMonths: months,
  })
}
