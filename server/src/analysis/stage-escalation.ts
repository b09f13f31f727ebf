import type { CategoryDef } from '../catalog/indicator-catalog.ts'
import type { Trend } from './mann-kendall.ts'
import { catalog } from '../catalog/indicator-catalog.ts'
import { mannKendall, TREND_ALPHA } from './mann-kendall.ts'

// Stage escalation: how many escalation (升级: opinion, petitions) and intensification (激化:
// public-order and criminal cases) signals a region has per emerging (初显: 12345, 110) signal,
// month by month. A ratio that climbs means early complaints are turning into petitions and cases
// rather than being settled while small.
//
//   raw_t      = (B_t + C_t) / A_t                       (null when A_t = 0)
//   R          = Σ (B + C) / Σ A over every region and month given (the area's ratio)
//   smoothed_t = (B_t + C_t + k · R) / (A_t + k)         (k pseudo-emerging signals at R)
//
// The smoothed ratio is defined whenever R is, and moves a month with few emerging signals towards
// the area's ratio; the trend is read from it. R is one number for the whole period, so an
// area-wide drift does not leak into the trend of a region whose own ratio is flat.

export interface StageMonthCounts {
  region: string
  month: string
  emerging: number
  escalation: number
  intensification: number
}

export interface EscalationMonth {
  month: string
  emerging: number | null
  downstream: number | null
  raw: number | null
  smoothed: number | null
}

export interface EscalationResult {
  region: string
  months: EscalationMonth[]
  trend: { method: 'mann-kendall', z: number, p: number, trend: Trend, senSlope: number | null, n: number }
  /** R: the area's ratio over every region and month given, the prior of the smoothing. */
  areaRatio: number | null
  /** Σ downstream / Σ emerging over the last `window` months with data. */
  recentRatio: number | null
  /** The pooled ratio over the same months, all regions. */
  recentPooled: number | null
  /** Emerging signals are turning into petitions and cases here. */
  turning: boolean
  reasons: string[]
}

export interface EscalationOptions {
  /** Prior weight k, in emerging signals (default 10). */
  priorWeight?: number
  /** Months at the end of the series that make up the "recent" window (default 3). */
  window?: number
  /** Emerging signals the region needs over the window before it can be flagged (default 10). */
  minEmerging?: number
  /** Mann-Kendall significance level (default 0.10, as the emerging hot spots). */
  alpha?: number
}

export const DEFAULT_ESCALATION_OPTIONS = { priorWeight: 10, window: 3, minEmerging: 10, alpha: TREND_ALPHA } as const satisfies Required<EscalationOptions>

/**
 * Sums counts keyed by catalog class or sub-class code into the three risk stages. Resolution
 * codes and unknown codes are ignored; pass either class totals or sub-classes, not both.
 */
export function stageTotals(counts: Readonly<Record<string, number>>, categories: CategoryDef[] = catalog): Pick<StageMonthCounts, 'emerging' | 'escalation' | 'intensification'> {
  const totals = { emerging: 0, escalation: 0, intensification: 0 }
  for (const category of categories) {
    if (category.stage === 'resolution')
      continue
    for (const k of category.classes) {
      for (const code of [k.code, ...k.subclasses.map(s => s.code)])
        totals[category.stage] += counts[code] ?? 0
    }
  }
  return totals
}

/** Theil–Sen slope: the median of the pairwise slopes, per month. */
export function senSlope(points: ReadonlyArray<[t: number, y: number]>): number | null {
  const slopes: number[] = []
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++)
      slopes.push((points[j]![1] - points[i]![1]) / (points[j]![0] - points[i]![0]))
  }
  if (!slopes.length)
    return null
  slopes.sort((a, b) => a - b)
  const mid = slopes.length >> 1
  return slopes.length % 2 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2
}

/**
 * The escalation ratio of every region over `months` (time order). A month with no row for a
 * region has no data for it (null), which is not a zero: callers fill zeros for months whose
 * data arrived.
 */
export function stageEscalation(rows: readonly StageMonthCounts[], months: readonly string[], options: EscalationOptions = {}): EscalationResult[] {
  const opts = { ...DEFAULT_ESCALATION_OPTIONS, ...options }
  const byRegion = new Map<string, Map<string, StageMonthCounts>>()
  const pooled = new Map<string, { a: number, d: number }>()
  for (const row of rows) {
    for (const v of [row.emerging, row.escalation, row.intensification]) {
      if (!(Number.isFinite(v) && v >= 0))
        throw new RangeError(`counts must be finite and non-negative (${row.region} ${row.month})`)
    }
    const series = byRegion.get(row.region) ?? new Map<string, StageMonthCounts>()
    if (series.has(row.month))
      throw new RangeError(`duplicate row for ${row.region} ${row.month}`)
    byRegion.set(row.region, series.set(row.month, row))
    const p = pooled.get(row.month) ?? { a: 0, d: 0 }
    pooled.set(row.month, { a: p.a + row.emerging, d: p.d + row.escalation + row.intensification })
  }
  const inPeriod = months.map(m => pooled.get(m) ?? { a: 0, d: 0 })
  const totalA = inPeriod.reduce((a, p) => a + p.a, 0)
  const prior = totalA > 0 ? inPeriod.reduce((a, p) => a + p.d, 0) / totalA : null

  return [...byRegion.entries()].map(([region, series]): EscalationResult => {
    const ms = months.map((month): EscalationMonth => {
      const row = series.get(month)
      if (!row)
        return { month, emerging: null, downstream: null, raw: null, smoothed: null }
      const downstream = row.escalation + row.intensification
      return {
        month,
        emerging: row.emerging,
        downstream,
        raw: row.emerging > 0 ? downstream / row.emerging : null,
        smoothed: prior === null ? null : (downstream + opts.priorWeight * prior) / (row.emerging + opts.priorWeight),
      }
    })
    const points = ms.flatMap((m, t) => (m.smoothed === null ? [] : [[t, m.smoothed] as [number, number]]))
    const mk = mannKendall(points.map(p => p[1]), opts.alpha)
    const recent = ms.filter(m => m.emerging !== null).slice(-opts.window)
    const sumA = recent.reduce((a, m) => a + m.emerging!, 0)
    const sumD = recent.reduce((a, m) => a + m.downstream!, 0)
    const poolA = recent.reduce((a, m) => a + (pooled.get(m.month)?.a ?? 0), 0)
    const poolD = recent.reduce((a, m) => a + (pooled.get(m.month)?.d ?? 0), 0)
    const recentRatio = sumA > 0 ? sumD / sumA : null
    const recentPooled = poolA > 0 ? poolD / poolA : null

    const rising = mk.trend === 'up'
    const above = recentRatio !== null && recentPooled !== null && recentRatio > recentPooled
    const enough = sumA >= opts.minEmerging
    const reasons: string[] = []
    if (rising)
      reasons.push(`ratio rising (Mann-Kendall z = ${mk.z.toFixed(2)}, p = ${mk.p.toFixed(3)})`)
    if (above)
      reasons.push(`recent ratio ${recentRatio!.toFixed(2)} above the area's ${recentPooled!.toFixed(2)}`)
    if (!enough)
      reasons.push(`only ${sumA} emerging signals in the last ${recent.length} months (< ${opts.minEmerging}): not flagged`)
    const turning = enough && rising && above
    return {
      region,
      months: ms,
      trend: { method: 'mann-kendall', z: mk.z, p: mk.p, trend: mk.trend, senSlope: senSlope(points), n: points.length },
      areaRatio: prior,
      recentRatio,
      recentPooled,
      turning,
      reasons,
    }
  })
}
