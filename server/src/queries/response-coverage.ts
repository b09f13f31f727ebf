import type { Queryable } from '../db/database.ts'
import type { RegionLevel } from './regions.ts'

/**
 * Reach areas of one unit: a geodesic buffer (on geography, so metres are metres at any latitude)
 * for each radius, as GeoJSON. Null when the unit is not in scope.
 */
export async function reachAreas(q: Queryable, id: number, radii: number[]): Promise<unknown[] | null> {
  const rows = await q.query<{ geometry: unknown }>(`
    SELECT ST_AsGeoJSON(ST_Buffer(u.geom::geography, r.m)::geometry, 7)::json AS geometry
    FROM response_unit u, unnest($2::float8[]) WITH ORDINALITY AS r(m, k)
    WHERE u.id = $1
    ORDER BY r.k`, [id, radii])
  return rows.length ? rows.map(r => r.geometry) : null
}

export interface CoverageRow {
  code: string
  name: string
  events: number
  within1: number
  within3: number
  within5: number
}

export interface CoverageInput {
  level: RegionLevel
  parent: string | null
  from: string
  to: string
  leaves: string[]
  /** The 1-, 3- and 5-minute radii in metres, ascending. */
  radii: [number, number, number]
}

/**
 * Per child region: the events of the month range, and how many lay within each radius of a unit
 * on duty at the event's time. Distances are geodesic (geography, the spheroid), like the reach.
 *
 * Events and units are both read under row-level security, so only units in the scope count.
 * Under RLS the GiST indexes cannot serve a spatial join (migration 0008 explains why), and a
 * unit-by-event scan was 6.5 s for 26k events × 200 units. So both sides get a cell of a grid in
 * degrees at least as wide as the largest radius (at latitudes up to 60°), each unit is repeated
 * into its 3 × 3 cells, and a plain equality join on the cell pairs each event with the units that
 * can reach it (0.8 s). The on-duty test is then a containment check: the unit's week as a
 * multirange of minutes against the event's minute of the week (migration 0009).
 */
export async function coverageRows(q: Queryable, c: CoverageInput): Promise<CoverageRow[]> {
  return q.query<CoverageRow>(`
    WITH unit AS MATERIALIZED (
      SELECT u.geom::geography AS geog, response_unit_duty_week(u.duty) AS week,
        floor(ST_X(u.geom) / ($7::float8 / 55000.0))::int AS cx, floor(ST_Y(u.geom) / ($7::float8 / 55000.0))::int AS cy
      FROM response_unit u
    ),
    near AS MATERIALIZED (
      SELECT unit.geog, unit.week, unit.cx + dx AS cx, unit.cy + dy AS cy
      FROM unit, generate_series(-1, 1) dx, generate_series(-1, 1) dy
    ),
    ev AS MATERIALIZED (
      SELECT e.id, e.township, e.geom::geography AS geog, shanghai_minute_of_week(e.occurred_at) AS minute,
        floor(ST_X(e.geom) / ($7::float8 / 55000.0))::int AS cx, floor(ST_Y(e.geom) / ($7::float8 / 55000.0))::int AS cy
      FROM event e
      WHERE e.month BETWEEN $3::date AND $4::date AND e.indicator = ANY ($8::text[])
    ),
    nearest AS (
      SELECT ev.township, min(ST_Distance(n.geog, ev.geog)) AS dist
      FROM ev
      LEFT JOIN near n ON n.cx = ev.cx AND n.cy = ev.cy AND n.week @> ev.minute AND ST_DWithin(n.geog, ev.geog, $7)
      GROUP BY ev.id, ev.township
    )
    SELECT r.code, r.name,
      count(nearest.township)::int AS events,
      count(*) FILTER (WHERE nearest.dist <= $5)::int AS within1,
      count(*) FILTER (WHERE nearest.dist <= $6)::int AS within3,
      count(*) FILTER (WHERE nearest.dist <= $7)::int AS within5
    FROM region r
    LEFT JOIN region_ancestor a ON a.ancestor = r.code
    LEFT JOIN nearest ON nearest.township = a.descendant
    WHERE r.level = $1 AND ($2::text IS NULL OR r.parent = $2)
    GROUP BY r.code, r.name
    ORDER BY r.code`, [c.level, c.parent, `${c.from}-01`, `${c.to}-01`, c.radii[0], c.radii[1], c.radii[2], c.leaves])
}
