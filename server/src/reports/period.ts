import type { Names } from './types.ts'
import { addMonths, monthRange } from '../analysis/months.ts'

/** A report period: one month against the month before, or one quarter against the same quarter a year before. */
export interface ReportPeriod {
  unit: 'month' | 'quarter'
  /** The last month of the period: the key the comparison is computed for (figures.ts). */
  end: string
  months: string[]
  baselineMonths: string[]
  baseline: 'mom' | 'yoy'
  label: Names
  baselineLabel: Names
  /** The same period, written in words without digits, for the narrative. */
  spoken: Names
  spokenBaseline: Names
}

export const MONTH_PATTERN = /^(19[7-9]\d|20\d\d|2100)-(0[1-9]|1[0-2])$/
export const QUARTER_PATTERN = /^(19[7-9]\d|20\d\d|2100)-Q([1-4])$/

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function monthPeriod(month: string): ReportPeriod {
  const prev = addMonths(month, -1)
  return {
    unit: 'month',
    end: month,
    months: [month],
    baselineMonths: [prev],
    baseline: 'mom',
    label: { zh: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`, en: `${MONTHS_EN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}` },
    baselineLabel: { zh: '环比（上月）', en: 'month on month (previous month)' },
    spoken: { zh: '本月', en: 'this month' },
    spokenBaseline: { zh: '上月', en: 'the previous month' },
  }
}

export function quarterPeriod(quarter: string): ReportPeriod {
  const m = QUARTER_PATTERN.exec(quarter)!
  const year = m[1]!
  const q = Number(m[2])
  const first = `${year}-${String(q * 3 - 2).padStart(2, '0')}`
  const months = monthRange(first, addMonths(first, 2))
  return {
    unit: 'quarter',
    end: months[2]!,
    months,
    baselineMonths: months.map(x => addMonths(x, -12)),
    baseline: 'yoy',
    label: { zh: `${year}年第${q}季度`, en: `${year} Q${q}` },
    baselineLabel: { zh: '同比（上年同期）', en: 'year on year (same quarter last year)' },
    spoken: { zh: '本季度', en: 'this quarter' },
    spokenBaseline: { zh: '上年同期', en: 'the same quarter last year' },
  }
}

/** 'YYYY-MM' or 'YYYY-Qn'; null when it is neither. */
export function parsePeriod(p: string): ReportPeriod | null {
  if (MONTH_PATTERN.test(p))
    return monthPeriod(p)
  if (QUARTER_PATTERN.test(p))
    return quarterPeriod(p)
  return null
}

/** The last month of the quarter a month falls in. */
export function quarterEnd(month: string): string {
  const m = Number(month.slice(5, 7))
  return `${month.slice(0, 4)}-${String(Math.ceil(m / 3) * 3).padStart(2, '0')}`
}

/** The period a report kind takes: monthly 'YYYY-MM', quarterly 'YYYY-Qn', special either. */
export function reportPeriodFor(kind: 'monthly' | 'quarterly' | 'special', p: string): ReportPeriod | null {
  const period = parsePeriod(p)
  if (!period || (kind === 'monthly' && period.unit !== 'month') || (kind === 'quarterly' && period.unit !== 'quarter'))
    return null
  return period
}

/** 'YYYY-MM-DD' of a month's last day. */
export function lastDayOf(month: string): string {
  const day = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()
  return `${month}-${String(day).padStart(2, '0')}`
}
