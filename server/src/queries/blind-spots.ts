import type { Queryable } from '../db/database.ts'
import type { UnitAreas } from './road-network.ts'

export interface BlindSpotEventsInput {
  /** Only events in this region's subtree (and in scope). */
  region: string
  from: string
  to: string
  leaves: string[]
  /** EPSG code of the region's UTM zone: x and y come back in its metres. */
  srid: number
  /** Speed method: the 5-minute radius in metres. */
  radius5: number
}

export interface EventCover { x: number, y: number, covered: boolean }

/**
 * Every event of the period under the region, with whether it lay within 5 minutes of a unit on
 * duty at its time, by the straight-line method: the cell join of coverageRows (queries/
 * response-coverage.ts explains it) with the 5-minute radius. Read under row-level security.
 */
export async function eventCoverBySpeed(q: Queryable, c: BlindSpotEventsInput): Promise<EventCover[]> {
  return q.query<EventCover>(`
    WITH unit AS MATERIALIZED (
      SELECT u.geom::geography AS geog, response_unit_duty_week(u.duty) AS week,
        floor(ST_X(u.geom) / ($6::float8 / 55000.0))::int AS cx, floor(ST_Y(u.geom) / ($6::float8 / 55000.0))::int AS cy
      FROM response_unit u
    ),
    near AS MATERIALIZED (
      SELECT unit.geog, unit.week, unit.cx + dx AS cx, unit.cy + dy AS cy
      FROM unit, generate_series(-1, 1) dx, generate_series(-1, 1) dy
    ),
    ev AS MATERIALIZED (
      SELECT e.id, e.geom, e.geom::geography AS geog, shanghai_minute_of_week(e.occurred_at) AS minute,
        floor(ST_X(e.geom) / ($6::float8 / 55000.0))::int AS cx, floor(ST_Y(e.geom) / ($6::float8 / 55000.0))::int AS cy
      FROM event e
      WHERE e.month BETWEEN $2::date AND $3::date AND e.indicator = ANY ($4::text[])
        AND e.township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1)
    )
    SELECT ST_X(p) AS x, ST_Y(p) AS y, covered
    FROM (
      SELECT ev.id, ST_Transform(ev.geom, $5::int) AS p,
        EXISTS (SELECT FROM near n WHERE n.cx = ev.cx AND n.cy = ev.cy AND n.week @> ev.minute AND ST_DWithin(n.geog, ev.geog, $6)) AS covered
      FROM ev
    ) t`, [c.region, `${c.from}-01`, `${c.to}-01`, c.leaves, c.srid, c.radius5])
}

/**
 * The same with network reach: covered when the event lies inside the 5-minute area of a unit on
 * duty at its time. The areas (one per unit in scope, computed once per request) join response_unit
 * for the duty week and the scope.
 */
export async function eventCoverByArea(q: Queryable, c: Omit<BlindSpotEventsInput, 'radius5'>, a: Pick<UnitAreas, 'ids' | 'within5'>): Promise<EventCover[]> {
  return q.query<EventCover>(`
    WITH area AS MATERIALIZED (
      SELECT response_unit_duty_week(u.duty) AS week, ST_SetSRID(ST_GeomFromGeoJSON(x.g5), 4326) AS g5
      FROM unnest($6::bigint[], $7::text[]) AS x(id, g5)
      JOIN response_unit u ON u.id = x.id
    ),
    ev AS MATERIALIZED (
      SELECT e.id, e.geom, shanghai_minute_of_week(e.occurred_at) AS minute
      FROM event e
      WHERE e.month BETWEEN $2::date AND $3::date AND e.indicator = ANY ($4::text[])
        AND e.township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1)
    )
    SELECT ST_X(ST_Transform(ev.geom, $5::int)) AS x, ST_Y(ST_Transform(ev.geom, $5::int)) AS y,
      EXISTS (SELECT FROM area a WHERE a.week @> ev.minute AND a.g5 && ev.geom AND ST_Intersects(a.g5, ev.geom)) AS covered
    FROM ev`, [c.region, `${c.from}-01`, `${c.to}-01`, c.leaves, c.srid, a.ids, a.within5])
}
