import type { HexCell, HexSize } from '../analysis/hex-grid.ts'
import type { Queryable } from '../db/database.ts'
import { hexRing, layoutHexCells, TooManyCells } from '../analysis/hex-grid.ts'
import { utmToLonLat, utmZoneOfSrid } from '../analysis/utm.ts'
import { fail } from '../http/errors.ts'
import { studyRegion } from '../queries/study-region.ts'
import { regionInScope } from '../routes/region-access.ts'

/** Beyond this a request is refused: the reply and the statistics would be too slow. */
export const MAX_CELLS = 50_000

export interface HexStudy {
  parent: string
  size: HexSize
  srid: number
  zone: number
  /** Every cell covering the region, sorted by (i, j), centres in the zone's metres. */
  cells: HexCell[]
}

/**
 * The hexagon cells covering a study region in its city's UTM zone. The region must be in the
 * principal's scope (404 otherwise, as everywhere); past MAX_CELLS cells the request is a 400.
 */
export async function layoutStudy(db: Queryable, parent: string, size: HexSize): Promise<HexStudy> {
  await regionInScope(db, parent)
  const region = await studyRegion(db, parent)
  if (!region)
    fail(404, 'unknown_region', `unknown region "${parent}"`)
  try {
    const cells = layoutHexCells(region.polygon, size, MAX_CELLS)
    return { parent, size, srid: region.srid, zone: utmZoneOfSrid(region.srid), cells }
  }
  catch (err) {
    if (err instanceof TooManyCells)
      fail(400, 'too_many_cells', `region ${parent} needs more than ${MAX_CELLS} hexagons of ${size} m; choose a larger size or a smaller region`, { limit: MAX_CELLS, size })
    throw err
  }
}

/** `<size>:<srid>:<i>:<j>`: stable across requests, imports and study regions of the same city. */
export function cellId(study: Pick<HexStudy, 'size' | 'srid'>, cell: Pick<HexCell, 'i' | 'j'>): string {
  return `${study.size}:${study.srid}:${cell.i}:${cell.j}`
}

/** The cell's hexagon as a closed lon/lat ring, to 1e-6° (about 10 cm) like the region layers. */
export function cellRing(study: Pick<HexStudy, 'size' | 'zone'>, cell: Pick<HexCell, 'i' | 'j'>): [number, number][] {
  return hexRing(cell.i, cell.j, study.size).map(([x, y]) => {
    const [lon, lat] = utmToLonLat(x, y, study.zone)
    return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]
  })
}

export function cellKey(i: number, j: number): string {
  return `${i}:${j}`
}

/** Human-readable statement of how the neighbourhood distance is measured. */
export function distanceMetric(study: Pick<HexStudy, 'zone' | 'srid'>): string {
  return `Euclidean between hexagon centres in UTM zone ${study.zone}N (EPSG:${study.srid})`
}
