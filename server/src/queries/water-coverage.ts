import type { Queryable } from '../db/database.ts'

export interface ShoreRow {
  id: number
  name: string
  kind: string
  danger: number
  approximate: boolean
  shoreM: number
  coveredM: number
  covered: { type: 'MultiLineString', coordinates: number[][][] }
  uncovered: { type: 'MultiLineString', coordinates: number[][][] }
}

/**
 * For each visible zone of at least `minDanger` (touching `region`'s subtree when given): its
 * shoreline, the zone's boundary clipped to the land of the visible townships (so the far bank of
 * a river outside the loaded map, or outside the scope, is not counted), split into the stretches
 * within `radiusM` of a covering asset (guard posts, rescue equipment) and the rest.
 * Reach discs are geodesic buffers (ST_Buffer on geography, 16 segments a quarter circle: the
 * chord error at 250 m is under 0.2 m); lengths are geodesic (ST_Length on geography).
 */
export async function shorelineCoverage(q: Queryable, p: { minDanger: number, region: string | null, radiusM: number, assetTypes: string[] }): Promise<ShoreRow[]> {
  return q.query<ShoreRow>(`
    WITH sub AS (
      SELECT descendant AS code FROM region_ancestor WHERE ancestor = $2
    ),
    z AS (
      SELECT w.id, w.name, w.kind, w.danger, w.approximate, w.geom FROM water_zone w
      WHERE w.danger >= $1 AND ($2::text IS NULL OR w.townships && ARRAY(SELECT code FROM sub))
    ),
    shore AS (
      SELECT z.*, coalesce(ST_CollectionExtract(ST_Intersection(ST_Boundary(z.geom), (
        SELECT ST_Union(tp.geom) FROM township_part tp
        WHERE ST_Intersects(tp.geom, z.geom) AND ($2::text IS NULL OR tp.township IN (SELECT code FROM sub))
      )), 2), 'SRID=4326;MULTILINESTRING EMPTY'::geometry) AS line
      FROM z
    ),
    reach AS (
      SELECT ST_Union(ST_Buffer(a.geom::geography, $3, 'quad_segs=16')::geometry) AS area
      FROM water_asset a WHERE a.type = ANY ($4::text[])
    ),
    parts AS (
      SELECT s.*,
        CASE WHEN r.area IS NULL THEN 'SRID=4326;MULTILINESTRING EMPTY'::geometry
             ELSE ST_CollectionExtract(ST_Intersection(s.line, r.area), 2) END AS covered,
        CASE WHEN r.area IS NULL THEN s.line ELSE ST_CollectionExtract(ST_Difference(s.line, r.area), 2) END AS uncovered
      FROM shore s CROSS JOIN reach r
    )
    SELECT id, name, kind, danger, approximate,
      round(ST_Length(line::geography)::numeric, 1)::float8 AS "shoreM",
      round(ST_Length(covered::geography)::numeric, 1)::float8 AS "coveredM",
      ST_AsGeoJSON(ST_Multi(covered), 7)::json AS covered,
      ST_AsGeoJSON(ST_Multi(uncovered), 7)::json AS uncovered
    FROM parts
    ORDER BY danger DESC, id`, [p.minDanger, p.region, p.radiusM, p.assetTypes])
}
