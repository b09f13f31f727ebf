import { addMonths, monthRange } from '../analysis/months.ts'

export interface ClosureRule {
  thresholdKind: 'count' | 'per10k'
  threshold: number
  monthsRequired: number
}

export interface ClosureMonth {
  month: string
  /** The indicator's total for the region that month (0 when the rollup holds nothing). */
  value: number
  /** Per 10k residents, when the rule is per 10k. */
  per10k: number | null
  /** The number compared with the threshold: `value` or `per10k`. */
  measured: number
  under: boolean
}

export interface ClosureEvidence extends ClosureRule {
  indicator: string
  region: string
  population: number | null
  /** The last complete data month the window ends with, and its first month. */
  from: string
  to: string
  months: ClosureMonth[]
  /** Every month of the window was at or under the threshold. */
  met: boolean
  rule: string
}

export const closureRuleText = 'closure on evidence needs the indicator at or under the threshold in every one of the last monthsRequired months, ending with the last complete data month (the month before the current month in Asia/Shanghai, or the latest month with data if that is earlier); a month without data counts as 0'

/**
 * The last complete data month: the month before `currentMonth` (Asia/Shanghai), or the latest
 * month with data if that is earlier. null when there is no data at all.
 */
export function lastCompleteMonth(currentMonth: string, latestData: string | null): string | null {
  if (!latestData)
    return null
  const previous = addMonths(currentMonth, -1)
  return latestData < previous ? latestData : previous
}

/** Rounded for display and storage, so that the numbers shown are the numbers compared. */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000
}

/**
 * The month-by-month check of a closure on evidence: `monthsRequired` consecutive months ending
 * with `last`, each at or under the threshold (as a count, or per 10k residents of `population`).
 */
export function closureEvidence(rule: ClosureRule & { indicator: string, region: string, population: number | null }, values: Map<string, number>, last: string): ClosureEvidence {
  const from = addMonths(last, 1 - rule.monthsRequired)
  const months = monthRange(from, last).map((month) => {
    const value = values.get(month) ?? 0
    const per10k = rule.thresholdKind === 'per10k' && rule.population ? round4((value / rule.population) * 10_000) : null
    const measured = rule.thresholdKind === 'per10k' ? (per10k ?? Number.POSITIVE_INFINITY) : value
    return { month, value, per10k, measured, under: measured <= rule.threshold }
  })
  return {
    indicator: rule.indicator,
    region: rule.region,
    population: rule.population,
    thresholdKind: rule.thresholdKind,
    threshold: rule.threshold,
    monthsRequired: rule.monthsRequired,
    from,
    to: last,
    months,
    met: months.every(m => m.under),
    rule: closureRuleText,
  }
}

/** One line with the numbers, kept as the closure detail. */
export function evidenceSummary(e: ClosureEvidence): string {
  const unit = e.thresholdKind === 'per10k' ? ' per 10k' : ''
  const numbers = e.months.map(m => `${m.month}: ${e.thresholdKind === 'per10k' ? m.per10k : m.value}`).join(', ')
  return `${e.indicator} at or under ${e.threshold}${unit} for ${e.monthsRequired} month(s) ${e.from}..${e.to} (${numbers})`
}
