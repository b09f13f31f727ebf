import type { Coverage, CoverageQuery } from '../api/units-api.ts'

/** The 1-3-5 standard: 1 minute self-rescue, 3 minutes mutual aid, 5 minutes reinforcement. */
export const REACH_MINUTES = [1, 3, 5] as const
export type ReachMinutes = (typeof REACH_MINUTES)[number]

/** The months of events coverage is counted over, ending with the view's month. */
export const COVERAGE_MONTHS = [3, 6, 12, 24] as const
export const DEFAULT_COVERAGE_MONTHS = 6
const MAX_MONTHS = 36

/** The choropleth coloured by the share of events within `minutes`, over `months` months. */
export interface CoverageView { minutes: ReachMinutes, months: number }

const TOKEN = /^cover([135])(?:m(\d{1,2}))?$/

/** A `layers` token such as `cover3` or `cover5m12` (the month count only when not the default). */
export function parseCoverageToken(token: string): CoverageView | null {
  const m = TOKEN.exec(token)
  if (!m)
    return null
  const months = m[2] === undefined ? DEFAULT_COVERAGE_MONTHS : Number(m[2])
  return { minutes: Number(m[1]) as ReachMinutes, months: months >= 1 && months <= MAX_MONTHS ? months : DEFAULT_COVERAGE_MONTHS }
}

export function coverageToken(c: CoverageView): string {
  return `cover${c.minutes}${c.months === DEFAULT_COVERAGE_MONTHS ? '' : `m${c.months}`}`
}

/** The share of the region's events within `minutes`, 0–1, or null where it had none. */
export function shareOf(region: Coverage['regions'][number], minutes: ReachMinutes): number | null {
  return minutes === 1 ? region.share1 : minutes === 3 ? region.share3 : region.share5
}

/** Shares by region code for the choropleth. */
export function coverageShares(coverage: Coverage | null, minutes: ReachMinutes): Map<string, number | null> {
  return new Map((coverage?.regions ?? []).map(r => [r.code, shareOf(r, minutes)]))
}

/** The server query for the regions on the map: the view's level and parent, months ending with its last month. */
export function coverageQuery(view: { level: 'district' | 'township', parent: string | null, indicator: string, period: string | null, to: string | null }, months: number): CoverageQuery | null {
  const last = view.to ?? view.period
  if (!view.parent || !last)
    return null
  return { level: view.level, parent: view.parent, indicator: view.indicator, months: String(months), to: last }
}
