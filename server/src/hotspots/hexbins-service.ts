import type { HexSize } from '../analysis/hex-grid.ts'
import type { Queryable } from '../db/database.ts'
import type { RegionRow } from '../queries/regions.ts'
import { utmZoneOfSrid } from '../analysis/utm.ts'
import { fail } from '../http/errors.ts'
import { hexCellCounts } from '../queries/hex-bins.ts'
import { regionSrid } from '../queries/study-region.ts'
import { visibleParent } from '../routes/region-access.ts'
import { cellId, cellRing } from './hex-study.ts'

/**
 * Cells with at least one event in the region's townships, for the map's hex bin layer. Like the
 * choropleth, the parent may be an ancestor of the scope (`above`, from ancestorsOfScope): with
 * no statistic to distort, a township's staff see their own bins on their district's map.
 */
export async function hexBins(db: Queryable, above: Map<string, RegionRow>, q: { parent: string, size: HexSize, leaves: string[], from: string, to: string }) {
  await visibleParent(db, above, q.parent)
  const srid = await regionSrid(db, q.parent)
  if (!srid)
    fail(404, 'unknown_region', `unknown region "${q.parent}"`)
  const study = { size: q.size, srid, zone: utmZoneOfSrid(srid) }
  const rows = await hexCellCounts(db, { ...q, srid })
  rows.sort((a, b) => a.i - b.i || a.j - b.j)
  return { srid, cells: rows.map(r => ({ id: cellId(study, r), count: r.n, ring: cellRing(study, r) })) }
}
