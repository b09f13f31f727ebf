import type { LocationQuery } from 'vue-router'
import type { ReportKind } from '../api/reports-api.ts'
import type { ReportLang } from './report-format.ts'
import { cityOfRegion } from './city-of-region.ts'
import { isMonth } from './months.ts'

/** What the report page shows; it lives in the URL so a link reopens the same report. */
export interface ReportParams {
  kind: ReportKind
  region: string | null
  /** 'YYYY-MM' or 'YYYY-Qn'. */
  period: string | null
  topic: string | null
  doc: ReportLang
}

const KINDS: readonly ReportKind[] = ['monthly', 'quarterly', 'special']
const QUARTER = /^\d{4}-Q[1-4]$/
const REGION = /^\d{6}(?:\d{6})?$/
const TOPIC = /^[A-Z]\d?$/

export const isQuarter = (value: unknown): value is string => typeof value === 'string' && QUARTER.test(value)

const one = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value) ?? undefined

export function parseReportQuery(query: LocationQuery): ReportParams {
  const kind = one(query.kind)
  const region = one(query.region)
  const period = one(query.period)
  const topic = one(query.topic)
  const parsedKind = KINDS.includes(kind as ReportKind) ? kind as ReportKind : 'monthly'
  const periodOk = parsedKind === 'monthly' ? isMonth(period) : parsedKind === 'quarterly' ? isQuarter(period) : isMonth(period) || isQuarter(period)
  return {
    kind: parsedKind,
    region: region && REGION.test(region) ? region : null,
    period: periodOk ? period! : null,
    topic: parsedKind === 'special' && topic && TOPIC.test(topic) ? topic : null,
    doc: one(query.doc) === 'en' ? 'en' : 'zh',
  }
}

export function serializeReportQuery(p: ReportParams): Record<string, string> {
  const out: Record<string, string> = { kind: p.kind }
  if (p.region)
    out.region = p.region
  if (p.period)
    out.period = p.period
  if (p.kind === 'special' && p.topic)
    out.topic = p.topic
  if (p.doc === 'en')
    out.doc = 'en'
  return out
}

/** The quarter a month belongs to: '2026-05' → '2026-Q2'. */
export function quarterOf(month: string): string {
  const [y, m] = month.split('-')
  return `${y}-Q${Math.ceil(Number(m) / 3)}`
}

/** The quarters whose three months all have data, newest last. */
export function completeQuarters(months: readonly string[]): string[] {
  const count = new Map<string, number>()
  for (const m of months)
    count.set(quarterOf(m), (count.get(quarterOf(m)) ?? 0) + 1)
  return [...count].filter(([, n]) => n === 3).map(([q]) => q)
}

/**
 * A period that fits the kind: the given one if it does, otherwise the newest month (monthly,
 * special) or the newest complete quarter (quarterly).
 */
export function fitPeriod(kind: ReportKind, period: string | null, months: readonly string[]): string | null {
  const quarters = completeQuarters(months)
  if (kind === 'quarterly')
    return period && quarters.includes(period) ? period : quarters.at(-1) ?? null
  if (period && (months.includes(period) || quarters.includes(period)))
    return period
  return months.at(-1) ?? null
}

export interface RegionChain { city: string | null, district: string | null, township: string | null }

/** The city, district and township selects for a region code (a city's code is its own city). */
export function regionChain(code: string | null, cities: ReadonlyArray<{ code: string }>): RegionChain {
  if (!code)
    return { city: null, district: null, township: null }
  const township = code.length === 12 ? code : null
  const six = code.slice(0, 6)
  const city = cityOfRegion(six, cities)
  return { city, district: six === city ? null : six, township }
}
