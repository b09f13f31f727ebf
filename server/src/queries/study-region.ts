import type { PlanarMultiPolygon } from '../analysis/hex-grid.ts'
import type { Queryable } from '../db/database.ts'

export interface StudyRegion {
  code: string
  /** EPSG code of the city's UTM zone (migration 0006, region_srid). */
  srid: number
  /** The full-resolution boundary in that zone, in metres. */
  polygon: PlanarMultiPolygon
}

/**
 * A region's boundary in its city's UTM zone, or undefined when it is not visible in scope.
 * Full resolution, not the display copy: cells are counted from points inside the real boundary.
 */
export async function studyRegion(db: Queryable, code: string): Promise<StudyRegion | undefined> {
  const rows = await db.query<{ srid: number, geometry: { coordinates: PlanarMultiPolygon } }>(`
    SELECT z.srid, ST_AsGeoJSON(ST_Transform(r.geom, z.srid))::json AS geometry
    FROM region r CROSS JOIN LATERAL (SELECT region_srid(r.code) AS srid) z
    WHERE r.code = $1`, [code])
  const r = rows[0]
  return r && { code, srid: r.srid, polygon: r.geometry.coordinates }
}

/**
 * The EPSG code of a region's UTM zone, without its geometry. Through the definer function, so it
 * also answers for the ancestors of a scope (the caller checks visibility first).
 */
export async function regionSrid(db: Queryable, code: string): Promise<number | undefined> {
  const rows = await db.query<{ srid: number | null }>('SELECT region_srid($1) AS srid', [code])
  return rows[0]?.srid ?? undefined
}
