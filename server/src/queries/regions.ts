import type { RegionFeatureProps, RegionLevel } from '@riskmap/geodata/regions.ts'
import type { PoolClient } from 'pg'
import type { Queryable } from '../db/database.ts'

export type { RegionLevel }

export interface RegionRow {
  code: string
  name: string
  level: RegionLevel
  parent: string | null
  population: number | null
  populationSynthetic: boolean
  approximate: boolean
  areaKm2: number | null
  source: string
}

const regionColumns = `code, name, level, parent, population,
  population_synthetic AS "populationSynthetic", approximate, area_km2 AS "areaKm2", source`

export async function getRegion(db: Queryable, code: string): Promise<RegionRow | undefined> {
  const rows = await db.query<RegionRow>(`SELECT ${regionColumns} FROM region WHERE code = $1`, [code])
  return rows[0]
}

/**
 * Regions as a GeoJSON FeatureCollection built by PostGIS, using the display geometry that was
 * simplified once at import. `parent` null means every region of the level.
 */
export async function regionFeatureCollection(db: Queryable, level: RegionLevel, parent: string | null): Promise<unknown> {
  const rows = await db.query<{ fc: unknown }>(`
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', code,
        'properties', json_build_object(
          'code', code, 'name', name, 'level', level, 'parent', parent, 'approximate', approximate,
          'population', population, 'populationSynthetic', population_synthetic),
        'geometry', ST_AsGeoJSON(geom_display, 6)::json
      ) ORDER BY code), '[]'::json)
    ) AS fc
    FROM region
    WHERE level = $1 AND ($2::text IS NULL OR parent = $2)`, [level, parent])
  return rows[0]!.fc
}

/** A committed boundary feature's properties (geodata/regions.ts), with its geometries as GeoJSON. */
export type RegionInsert = RegionFeatureProps & {
  geometry: string
  displayGeometry: string
}

/**
 * Inserts one region. Invalid geometry is repaired with ST_MakeValid and the repair is reported,
 * so that a boundary source with a bow-tie never silently becomes a different shape.
 */
export async function insertRegion(client: PoolClient, r: RegionInsert): Promise<{ repaired: boolean }> {
  const res = await client.query<{ repaired: boolean }>(`
    WITH g AS (
      SELECT ST_SetSRID(ST_GeomFromGeoJSON($9), 4326) AS raw,
             ST_SetSRID(ST_GeomFromGeoJSON($10), 4326) AS display
    )
    INSERT INTO region (code, name, level, parent, population, population_synthetic, approximate, source,
                        geom, geom_display, area_km2)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8,
           ST_Multi(ST_CollectionExtract(ST_MakeValid(raw), 3)),
           ST_Multi(ST_CollectionExtract(ST_MakeValid(display), 3)),
           ST_Area(ST_MakeValid(raw)::geography) / 1e6
    FROM g
    RETURNING NOT (SELECT ST_IsValid(raw) FROM g) AS repaired`, [
    r.code,
    r.name,
    r.level,
    r.parent,
    r.population,
    r.populationSynthetic,
    r.approximate,
    r.source,
    r.geometry,
    r.displayGeometry,
  ])
  return res.rows[0]!
}

/** Rebuilds the ancestor closure and the subdivided township parts used for point-in-polygon. */
export async function rebuildRegionIndexes(client: PoolClient): Promise<void> {
  await client.query('DELETE FROM region_ancestor')
  await client.query(`
    INSERT INTO region_ancestor (descendant, ancestor, depth)
    WITH RECURSIVE up AS (
      SELECT code AS descendant, code AS ancestor, parent, 0 AS depth FROM region
      UNION ALL
      SELECT up.descendant, r.code, r.parent, up.depth + 1
      FROM up JOIN region r ON r.code = up.parent
    )
    SELECT descendant, ancestor, depth FROM up`)
  await client.query('DELETE FROM township_part')
  await client.query(`
    INSERT INTO township_part (township, geom)
    SELECT code, ST_Subdivide(geom, 64) FROM region WHERE level = 'township'`)
  await client.query('ANALYZE township_part')
}
