import type { Correction, GiStarMethod } from '../analysis/gistar.ts'
import type { HexSize } from '../analysis/hex-grid.ts'
import type { Queryable } from '../db/database.ts'
import { giStar } from '../analysis/gistar.ts'
import { hexCellCounts } from '../queries/hex-bins.ts'
import { cellId, cellKey, cellRing, distanceMetric, layoutStudy } from './hex-study.ts'
import { hexNeighbourhood } from './neighbourhood.ts'

export interface GistarRequest {
  parent: string
  size: HexSize
  leaves: string[]
  /** First and last month, 'YYYY-MM'. */
  from: string
  to: string
  /** Fixed band in metres; default the smallest giving every cell a neighbour. */
  distance?: number
  correction: Correction
}

export interface GistarCell {
  id: string
  i: number
  j: number
  count: number
  z: number
  p: number
  bin: number
  /** lon, lat closed ring */
  ring: [number, number][]
}

export interface GistarMethodCard extends GiStarMethod {
  grid: 'hex'
  size: HexSize
  srid: number
  parent: string
  from: string
  to: string
  /** true when no distance was asked for and the default band was used. */
  defaultDistance: boolean
}

/**
 * Getis-Ord Gi* over every hexagon covering the study region, zero counts included: counts from
 * the hex_count table maintained at import, cells laid out in JS, neighbours within a fixed band
 * of the cell centres in the city's UTM zone. Runs inside the caller's scoped transaction.
 */
export async function runGistar(db: Queryable, q: GistarRequest): Promise<{ cells: GistarCell[], method: GistarMethodCard, srid: number }> {
  const study = await layoutStudy(db, q.parent, q.size)
  const rows = await hexCellCounts(db, { size: q.size, srid: study.srid, parent: q.parent, leaves: q.leaves, from: q.from, to: q.to })
  const byCell = new Map(rows.map(r => [cellKey(r.i, r.j), r.n]))
  const counts = study.cells.map(c => byCell.get(cellKey(c.i, c.j)) ?? 0)
  const hood = hexNeighbourhood(study.cells, q.size, q.distance)
  const result = giStar(counts, hood.neighbours, { distanceBand: hood.band, distanceMetric: distanceMetric(study), correction: q.correction })
  const cells = study.cells.map((c, k) => ({
    id: cellId(study, c),
    i: c.i,
    j: c.j,
    count: counts[k]!,
    z: result.z[k]!,
    p: result.p[k]!,
    bin: result.bin[k]!,
    ring: cellRing(study, c),
  }))
  return {
    cells,
    srid: study.srid,
    method: { ...result.method, grid: 'hex', size: q.size, srid: study.srid, parent: q.parent, from: q.from, to: q.to, defaultDistance: hood.defaulted },
  }
}
