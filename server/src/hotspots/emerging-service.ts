import type { EmergingLabel, EmergingResult } from '../analysis/emerging-hotspots.ts'
import type { Queryable } from '../db/database.ts'
import type { GistarRequest } from './gistar-service.ts'
import { emergingHotSpots } from '../analysis/emerging-hotspots.ts'
import { giStar } from '../analysis/gistar.ts'
import { monthRange } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { hexCellMonthlyCounts } from '../queries/hex-bins.ts'
import { cellId, cellKey, cellRing, distanceMetric, layoutStudy } from './hex-study.ts'
import { hexNeighbourhood } from './neighbourhood.ts'

/** Esri's Emerging Hot Spot Analysis needs ten time steps for a meaningful Mann-Kendall trend. */
export const MIN_MONTHS = 10

/** The same study, months and band as a Gi* run; the months must number at least MIN_MONTHS. */
export type EmergingRequest = GistarRequest

export interface EmergingHexCell {
  id: string
  i: number
  j: number
  /** e.g. 'intensifying-hot', 'oscillating-cold' or 'none' (emerging-hotspots.ts). */
  category: EmergingLabel
  trendZ: number
  trendP: number
  hotSteps: number
  coldSteps: number
  /** Events over the whole range. */
  count: number
  ring: [number, number][]
}

/**
 * Emerging hot spots on monthly bins: one Gi* per month over the same cells and neighbours, a
 * Mann-Kendall test of each cell's z series, and Esri's category per cell.
 */
export async function runEmerging(db: Queryable, q: EmergingRequest) {
  const months = monthRange(q.from, q.to)
  if (months.length < MIN_MONTHS)
    fail(400, 'too_few_months', `emerging hot spots need at least ${MIN_MONTHS} monthly time steps (Mann-Kendall trend); ${q.from}..${q.to} has ${months.length}`)
  const study = await layoutStudy(db, q.parent, q.size)
  const rows = await hexCellMonthlyCounts(db, { size: q.size, srid: study.srid, parent: q.parent, leaves: q.leaves, from: q.from, to: q.to })
  const index = new Map(study.cells.map((c, k) => [cellKey(c.i, c.j), k]))
  const monthOf = new Map(months.map((m, t) => [m, t]))
  const series = months.map(() => new Float64Array(study.cells.length))
  for (const r of rows) {
    const k = index.get(cellKey(r.i, r.j))
    const t = monthOf.get(r.month)
    if (k !== undefined && t !== undefined)
      series[t]![k] = r.n
  }
  const hood = hexNeighbourhood(study.cells, q.size, q.distance)
  const options = { distanceBand: hood.band, distanceMetric: distanceMetric(study), correction: q.correction }
  const steps = series.map(values => giStar(values, hood.neighbours, options))
  const result: EmergingResult = emergingHotSpots(steps)
  const cells: EmergingHexCell[] = study.cells.map((c, k) => {
    const e = result.cells[k]!
    return {
      id: cellId(study, c),
      i: c.i,
      j: c.j,
      category: e.category === 'none' ? 'none' : `${e.category}-${e.hot ? 'hot' : 'cold'}`,
      trendZ: e.trendZ,
      trendP: e.trendP,
      hotSteps: e.hotSteps,
      coldSteps: e.coldSteps,
      count: series.reduce((sum, s) => sum + s[k]!, 0),
      ring: cellRing(study, c),
    }
  })
  const gi = steps[0]!.method
  return {
    cells,
    srid: study.srid,
    summary: result.summary,
    method: {
      ...result.method,
      statistic: gi.statistic,
      weights: gi.weights,
      selfIncluded: gi.selfIncluded,
      distanceBand: hood.band,
      defaultDistance: hood.defaulted,
      distanceMetric: options.distanceMetric,
      correction: q.correction,
      n: study.cells.length,
      neighbours: gi.neighbours,
      grid: 'hex' as const,
      size: q.size,
      srid: study.srid,
      parent: q.parent,
      from: q.from,
      to: q.to,
      timeStep: '1 month',
      warnings: [...new Set([...result.method.warnings, ...steps.flatMap(s => s.method.warnings.map(w => `Gi*: ${w}`))])],
    },
  }
}
