import type { Queryable } from '../db/database.ts'
import type { ListQuery } from '../patrol/schemas.ts'
import type { Shift } from '../patrol/shifts.ts'
import type { ZoneType } from '../patrol/zone-types.ts'

export interface ZoneRow {
  id: number
  name: string
  type: ZoneType
  team: string
  shifts: Shift[]
  region: string
  synthetic: boolean
  createdBy: string
  updatedBy: string
  createdAt: string
  updatedAt: string
  version: number
  geometry: { type: 'Polygon' | 'LineString', coordinates: unknown }
  /** A point on the zone (ST_PointOnSurface), [lon, lat], for a label or a list's "zoom to". */
  anchor: [number, number]
  /** Length of a line, perimeter of a polygon, in metres on the spheroid. */
  lengthM: number
  /** Area in square metres on the spheroid; 0 for a line. */
  areaM2: number
}

const zoneColumns = `z.id, z.name, z.type, z.team, z.shifts, z.region, z.synthetic,
  z.created_by AS "createdBy", z.updated_by AS "updatedBy",
  to_json(z.created_at) #>> '{}' AS "createdAt", to_json(z.updated_at) #>> '{}' AS "updatedAt", z.version,
  ST_AsGeoJSON(z.geom, 7)::json AS geometry,
  json_build_array(round(ST_X(ST_PointOnSurface(z.geom))::numeric, 7), round(ST_Y(ST_PointOnSurface(z.geom))::numeric, 7)) AS anchor,
  round(CASE WHEN GeometryType(z.geom) = 'LINESTRING' THEN ST_Length(z.geom::geography) ELSE ST_Perimeter(z.geom::geography) END)::float8 AS "lengthM",
  round(ST_Area(z.geom::geography))::float8 AS "areaM2"`

/**
 * Where a zone lies, as the scope sees it:
 * - `townships`: the townships whose interior it enters (a shared edge alone does not count);
 * - `region`: the only such township, or the lowest region above all of them (their district, or
 *   the city when it crosses districts), read from region_ancestor;
 * - `inScope`: whether the scope region covers it (null for '*');
 * - `inCity`: for '*', whether the city of its first township covers it.
 * Regions outside the scope are invisible here (row-level security): `inScope` is checked first.
 */
export async function zonePlacement(q: Queryable, geojson: string, scope: string): Promise<{ townships: string[], region: string | null, inScope: boolean | null, inCity: boolean | null }> {
  const rows = await q.query<{ townships: string[], region: string | null, inScope: boolean | null, inCity: boolean | null }>(`
    WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom),
    ts AS (
      SELECT DISTINCT tp.township FROM township_part tp, g
      WHERE ST_Intersects(tp.geom, g.geom) AND NOT ST_Touches(tp.geom, g.geom)
    ),
    lca AS (
      SELECT a.ancestor FROM region_ancestor a
      WHERE a.descendant IN (SELECT township FROM ts)
      GROUP BY a.ancestor HAVING count(*) = (SELECT count(*) FROM ts)
      ORDER BY min(a.depth) LIMIT 1
    )
    SELECT coalesce((SELECT array_agg(township ORDER BY township) FROM ts), '{}') AS townships,
      (SELECT ancestor FROM lca) AS region,
      CASE WHEN $2 = '*' THEN NULL
           ELSE coalesce((SELECT ST_CoveredBy(g.geom, r.geom) FROM region r WHERE r.code = $2), false) END AS "inScope",
      CASE WHEN $2 <> '*' OR NOT EXISTS (SELECT 1 FROM ts) THEN NULL
           ELSE coalesce((SELECT ST_CoveredBy(g.geom, r.geom) FROM region_ancestor a JOIN region r ON r.code = a.ancestor
                          WHERE a.descendant = (SELECT min(township) FROM ts) AND r.level = 'city'), false) END AS "inCity"
    FROM g`, [geojson, scope])
  return rows[0]!
}

export interface ZoneInsert {
  name: string
  type: ZoneType
  team: string
  shifts: Shift[]
  geojson: string
  region: string
  synthetic: boolean
  actor: string
}

export async function insertZone(q: Queryable, z: ZoneInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO patrol_zone (name, type, team, shifts, geom, region, synthetic, created_by, updated_by)
    VALUES ($1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), $6, $7, $8, $8)
    RETURNING id`, [z.name, z.type, z.team, JSON.stringify(z.shifts), z.geojson, z.region, z.synthetic, z.actor])
  return rows[0]!.id
}

/** One zone in scope; `lock` takes a row lock for an edit or a delete. */
export async function getZone(q: Queryable, id: number, lock = false): Promise<ZoneRow | undefined> {
  const rows = await q.query<ZoneRow>(`SELECT ${zoneColumns} FROM patrol_zone z WHERE z.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return rows[0]
}

/** The zones in scope, optionally of one type and under one region. */
export async function listZones(q: Queryable, f: ListQuery): Promise<ZoneRow[]> {
  return q.query<ZoneRow>(`
    SELECT ${zoneColumns} FROM patrol_zone z
    WHERE ($1::text IS NULL OR z.type = $1)
      AND ($2::text IS NULL OR z.region IN (SELECT descendant FROM region_ancestor WHERE ancestor = $2))
    ORDER BY z.id`, [f.type ?? null, f.region ?? null])
}

export interface ZoneUpdate {
  name?: string | undefined
  type?: ZoneType | undefined
  team?: string | undefined
  shifts?: Shift[] | undefined
  geojson?: string | undefined
  region?: string | undefined
  actor: string
}

/** Applies the given fields and bumps the version. The caller has locked the row and checked the version. */
export async function updateZone(q: Queryable, id: number, u: ZoneUpdate): Promise<void> {
  await q.query(`
    UPDATE patrol_zone SET
      name = coalesce($2, name), type = coalesce($3, type), team = coalesce($4, team),
      shifts = coalesce($5::jsonb, shifts), geom = coalesce(ST_SetSRID(ST_GeomFromGeoJSON($6), 4326), geom),
      region = coalesce($7, region), updated_by = $8, version = version + 1, updated_at = now()
    WHERE id = $1`, [id, u.name ?? null, u.type ?? null, u.team ?? null, u.shifts ? JSON.stringify(u.shifts) : null, u.geojson ?? null, u.region ?? null, u.actor])
}

export async function deleteZone(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM patrol_zone WHERE id = $1', [id])
}

/**
 * The instants (epoch milliseconds) of the events of the given sub-classes and month range that
 * fall in the zone: inside a polygon (its edge included), or within `lineBuffer` metres of a line
 * on the spheroid. Events come through tile_events (migration 0008), which uses the GiST index on
 * the zone's bounding box and applies the event scope itself. Empty when the zone is not in scope.
 */
export async function zoneEventInstants(q: Queryable, id: number, o: { leaves: string[], from: string, to: string, lineBuffer: number }): Promise<number[]> {
  const rows = await q.query<{ ms: number }>(`
    WITH z AS (
      SELECT geom, GeometryType(geom) = 'LINESTRING' AS line,
        -- A little over the buffer, so that the buffer's polygonal circle cannot cut off an event.
        CASE WHEN GeometryType(geom) = 'LINESTRING'
             THEN ST_Envelope(ST_Buffer(geom::geography, $5::float8 * 1.02 + 20)::geometry)
             ELSE ST_Envelope(geom) END AS env
      FROM patrol_zone WHERE id = $1
    )
    SELECT (extract(epoch FROM e.occurred_at) * 1000)::float8 AS ms
    FROM z, tile_events(z.env, $2::text[], to_date($3, 'YYYY-MM'), to_date($4, 'YYYY-MM')) e
    WHERE CASE WHEN z.line THEN ST_DWithin(e.geom::geography, z.geom::geography, $5::float8)
               ELSE ST_Intersects(z.geom, e.geom) END
    ORDER BY e.id`, [id, o.leaves, o.from, o.to, o.lineBuffer])
  return rows.map(r => Number(r.ms))
}
