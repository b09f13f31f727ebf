import type { Queryable } from '../db/database.ts'
import type { HotspotRow } from '../queries/listed-hotspots.ts'
import { addMonths } from '../analysis/months.ts'
import { areaRingMonthlyCounts, districtOf, regionVisible } from '../queries/listed-evidence.ts'
import { changeTest, evidenceWindows, monthlySeries } from './evidence-stats.ts'
import { gistarEvidence } from './gistar-evidence.ts'

/** A point hotspot's area: a circle of this radius (metres, on the spheroid). */
export const POINT_RADIUS_M = 300
/** The displacement ring: up to this many metres outside the area. */
export const RING_M = 500
/** The Gi* check: 500 m hexagons over the last three months. */
export const GISTAR_SIZE = 500
export const GISTAR_MONTHS = 3

/** The `runGistar` contract of server/src/hotspots/gistar-service.ts (passed in, so evidence can be built without it). */
export type GistarRunner = (db: Queryable, q: { parent: string, size: 250 | 500 | 1000, leaves: string[], from: string, to: string, distance?: number, correction: 'none' | 'fdr' }) => Promise<{
  cells: Array<{ id: string | number, i: number, j: number, count: number, z: number, p: number, bin: number, ring: Array<[number, number]> }>
  method: unknown
  srid: number
}>

export interface EvidenceOptions {
  /** Months before and after the listing month (n). */
  months: number
  /** The last month counted, 'YYYY-MM' (default: the last complete month in Asia/Shanghai). */
  last: string
  leaves: string[]
}

/**
 * The closure evidence for one hotspot (docs/listed-hotspots.md): (a) the trend of its indicators
 * inside the area, (b) whether its cells are still a Gi* hot spot, (c) displacement into a ring
 * around it. Counts are those the caller's scope can see. Gi* runs last: if it fails, nothing else
 * in the transaction follows it.
 */
export async function buildEvidence(q: Queryable, h: HotspotRow, o: EvidenceOptions, runGistar: GistarRunner) {
  const w = evidenceWindows(h.listedOn.slice(0, 7), o.months, o.last)
  const rows = await areaRingMonthlyCounts(q, h.id, { pointRadius: POINT_RADIUS_M, ring: RING_M, leaves: o.leaves, from: w.series.from, to: w.series.to })
  const area = new Map(rows.map(r => [r.month, r.area]))
  const ring = new Map(rows.map(r => [r.month, r.ring]))
  const ringTest = changeTest(ring, w)
  const isPoint = h.geometry.type === 'Point'
  const parent = await gistarParent(q, h.region)
  const gistarWindow = { from: addMonths(o.last, 1 - GISTAR_MONTHS), to: o.last }
  return {
    hotspotId: h.id,
    version: h.version,
    computedAt: new Date().toISOString(),
    indicators: h.indicators,
    leaves: o.leaves,
    area: isPoint ? { kind: 'point_buffer' as const, radiusM: POINT_RADIUS_M } : { kind: 'polygon' as const, radiusM: 0 },
    windows: w,
    trend: { series: monthlySeries(area, w), test: changeTest(area, w) },
    displacement: {
      ringM: RING_M,
      series: monthlySeries(ring, w),
      test: ringTest,
      /** The ring rose significantly (z ≥ 2) after the listing. */
      displaced: ringTest !== null && ringTest.z >= 2,
    },
    gistar: await gistarEvidence(q, h.id, isPoint ? POINT_RADIUS_M : 0, { parent, size: GISTAR_SIZE, leaves: o.leaves, ...gistarWindow }, runGistar),
  }
}
export type Evidence = Awaited<ReturnType<typeof buildEvidence>>

/** The hotspot's district when the scope can see it, else the township itself (a township scope). */
async function gistarParent(q: Queryable, township: string): Promise<string> {
  const district = await districtOf(q, township)
  return district && (await regionVisible(q, district)) ? district : township
}
