import type { Queryable } from '../db/database.ts'
import type { RegionLevel } from './regions.ts'

/** Whether pgRouting's pgr_drivingDistance exists here, and whether any road edge is loaded. */
export async function networkState(q: Queryable): Promise<{ pgrouting: boolean, edges: number }> {
  const rows = await q.query<{ pgrouting: boolean, edges: boolean }>(`
    SELECT EXISTS (SELECT FROM pg_proc WHERE proname = 'pgr_drivingdistance') AS pgrouting,
      EXISTS (SELECT FROM road_edge) AS edges`)
  const r = rows[0]!
  const edges = r.edges ? (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM road_edge'))[0]!.n : 0
  return { pgrouting: r.pgrouting, edges }
}

export interface UnitSnap {
  id: number
  lon: number
  lat: number
  /** EPSG code of the unit's city UTM zone: buffers are drawn there, in metres. */
  srid: number
  /** The nearest network node within the snap distance, or null (then the unit uses speeds). */
  node: number | null
  /** Straight-line metres from the unit to that node (walked at the walking speed). */
  accessM: number | null
}

/**
 * Each unit in scope with its nearest road-network node: the closest end of an edge within
 * `maxM` metres (geodesic). Unknown or out-of-scope ids are absent from the result.
 */
export async function snapUnits(q: Queryable, ids: number[], maxM: number): Promise<UnitSnap[]> {
  return q.query<UnitSnap>(`
    SELECT u.id, ST_X(u.geom) AS lon, ST_Y(u.geom) AS lat, region_srid(u.region) AS srid, n.node, n.access_m AS "accessM"
    FROM response_unit u
    LEFT JOIN LATERAL (
      SELECT p.node, ST_Distance(p.pt::geography, u.geom::geography) AS access_m
      FROM road_edge e
      CROSS JOIN LATERAL (VALUES (e.source, ST_StartPoint(e.geom)), (e.target, ST_EndPoint(e.geom))) p(node, pt)
      WHERE e.geom && ST_Expand(u.geom, $2::float8 / 50000.0) AND ST_DWithin(p.pt::geography, u.geom::geography, $2)
      ORDER BY access_m, p.node
      LIMIT 1
    ) n ON true
    WHERE u.id = ANY ($1::bigint[])
    ORDER BY u.id`, [ids, maxM])
}

/** A leg of a reach step: which cost columns of road_edge, and how many seconds of budget. */
export interface ReachLeg { mode: 'walk' | 'drive', seconds: number }

const costColumns = {
  walk: ['cost_walk_s', 'reverse_walk_s'],
  drive: ['cost_drive_s', 'reverse_drive_s'],
} as const

/** The edges a leg may use, as pgr_drivingDistance wants them: NULL and negative are "no edge". */
function edgesSql(mode: ReachLeg['mode']): string {
  const [cost, reverse] = costColumns[mode]
  return `format('SELECT id, source, target, coalesce(${cost}, -1) AS cost, coalesce(${reverse}, -1) AS reverse_cost FROM road_edge WHERE geom && ST_Expand(ST_SetSRID(ST_MakePoint(%s, %s), 4326), %s)', $2::float8, $3::float8, $4::float8)`
}

export interface NetworkArea {
  /** GeoJSON (Multi)Polygon in WGS84. */
  geometry: unknown
  /** The nodes reached in the leg budgets, with their cost in seconds from the unit (the least over legs). */
  nodes: Array<{ node: number, seconds: number }>
}

/**
 * The area reached from a network node within the legs' budgets: every edge piece reachable in
 * time (whole edges, and the part of an edge up to the remaining cost, cut with ST_LineSubstring
 * from whichever end was reached), plus the straight walk from the unit towards the node (the
 * `accessFraction` of it walkable in the step's time; the unit's own point at least), buffered by
 * `bufferM` metres in the city's UTM zone and unioned. Budgets are already net of the access walk.
 * `reachM` bounds the edges read (a box that far around the unit).
 */
export async function networkArea(q: Queryable, s: { node: number, lon: number, lat: number, srid: number, reachM: number, bufferM: number, accessFraction: number }, legs: ReachLeg[]): Promise<NetworkArea> {
  const params: unknown[] = [s.node, s.lon, s.lat, s.reachM / 50000.0, s.srid, s.bufferM, s.accessFraction]
  const ctes: string[] = []
  const pieces: string[] = []
  legs.forEach((leg, k) => {
    params.push(leg.seconds)
    const b = `$${params.length}::float8`
    const [cost, reverse] = costColumns[leg.mode]
    ctes.push(`dd${k} AS MATERIALIZED (
      SELECT d.node, d.agg_cost FROM pgr_drivingDistance(${edgesSql(leg.mode)}, $1::bigint, greatest(${b}, 0), true) d
      WHERE ${b} >= 0)`)
    pieces.push(`
      SELECT CASE WHEN d.agg_cost + e.${cost} <= ${b} THEN e.geom ELSE ST_LineSubstring(e.geom, 0, (${b} - d.agg_cost) / e.${cost}) END AS g
      FROM dd${k} d JOIN road_edge e ON e.source = d.node WHERE e.${cost} >= 0
      UNION ALL
      SELECT CASE WHEN d.agg_cost + e.${reverse} <= ${b} THEN e.geom ELSE ST_LineSubstring(e.geom, 1 - (${b} - d.agg_cost) / e.${reverse}, 1) END
      FROM dd${k} d JOIN road_edge e ON e.target = d.node WHERE e.${reverse} >= 0`)
  })
  const nodes = legs.map((_, k) => `SELECT node, agg_cost FROM dd${k}`).join(' UNION ALL ')
  const rows = await q.query<{ geometry: unknown, nodes: Array<{ node: number, seconds: number }> | null }>(`
    WITH ${ctes.join(',\n')},
    node_at AS (SELECT ST_SetSRID(ST_MakePoint($2, $3), 4326) AS unit,
      (SELECT CASE WHEN e.source = $1 THEN ST_StartPoint(e.geom) ELSE ST_EndPoint(e.geom) END
       FROM road_edge e WHERE e.source = $1 OR e.target = $1 ORDER BY e.id LIMIT 1) AS node),
    piece AS (${pieces.join('\nUNION ALL\n')}
      UNION ALL SELECT CASE WHEN ST_Equals(unit, node) OR $7::float8 <= 0 THEN unit ELSE ST_LineSubstring(ST_MakeLine(unit, node), 0, least($7::float8, 1)) END FROM node_at)
    SELECT ST_AsGeoJSON(ST_Transform(ST_Buffer(ST_Collect(ST_Transform(g, $5::int)), $6::float8, 'quad_segs=4'), 4326), 7)::json AS geometry,
      (SELECT json_agg(json_build_object('node', node, 'seconds', s) ORDER BY node)
       FROM (SELECT node, min(agg_cost) AS s FROM (${nodes}) n GROUP BY node) m) AS nodes
    FROM piece`, params)
  return { geometry: rows[0]!.geometry, nodes: rows[0]!.nodes ?? [] }
}

/** The reach areas of units, as GeoJSON text, one per unit per step (1, 3, 5 minutes), cumulative. */
export interface UnitAreas { ids: number[], within1: string[], within3: string[], within5: string[] }

export interface AreaCoverageInput {
  level: RegionLevel
  parent: string | null
  from: string
  to: string
  leaves: string[]
}

/**
 * Coverage per child region when reach is network-based: an event is within k minutes when it lies
 * inside the k-minute area of a unit on duty at its time. The areas come from the request (computed
 * per unit, once); joining them to response_unit keeps only units in scope and gives their duty week.
 * Events are read under row-level security; the units' areas are few, so the event × area test is
 * a bounding-box filter then ST_Intersects.
 */
export async function coverageRowsByArea(q: Queryable, c: AreaCoverageInput, a: UnitAreas) {
  return q.query<{ code: string, name: string, events: number, within1: number, within3: number, within5: number }>(`
    WITH area AS MATERIALIZED (
      SELECT response_unit_duty_week(u.duty) AS week,
        ST_SetSRID(ST_GeomFromGeoJSON(x.g1), 4326) AS g1, ST_SetSRID(ST_GeomFromGeoJSON(x.g3), 4326) AS g3,
        ST_SetSRID(ST_GeomFromGeoJSON(x.g5), 4326) AS g5
      FROM unnest($6::bigint[], $7::text[], $8::text[], $9::text[]) AS x(id, g1, g3, g5)
      JOIN response_unit u ON u.id = x.id
    ),
    ev AS MATERIALIZED (
      SELECT e.id, e.township, e.geom, shanghai_minute_of_week(e.occurred_at) AS minute
      FROM event e
      WHERE e.month BETWEEN $3::date AND $4::date AND e.indicator = ANY ($5::text[])
    ),
    best AS (
      SELECT ev.township,
        min(CASE WHEN ST_Intersects(a.g1, ev.geom) THEN 1 WHEN ST_Intersects(a.g3, ev.geom) THEN 3 WHEN a.g5 IS NOT NULL THEN 5 END) AS band
      FROM ev
      LEFT JOIN area a ON a.week @> ev.minute AND a.g5 && ev.geom AND ST_Intersects(a.g5, ev.geom)
      GROUP BY ev.id, ev.township
    )
    SELECT r.code, r.name,
      count(best.township)::int AS events,
      count(*) FILTER (WHERE best.band <= 1)::int AS within1,
      count(*) FILTER (WHERE best.band <= 3)::int AS within3,
      count(*) FILTER (WHERE best.band <= 5)::int AS within5
    FROM region r
    LEFT JOIN region_ancestor ra ON ra.ancestor = r.code
    LEFT JOIN best ON best.township = ra.descendant
    WHERE r.level = $1 AND ($2::text IS NULL OR r.parent = $2)
    GROUP BY r.code, r.name
    ORDER BY r.code`, [c.level, c.parent, `${c.from}-01`, `${c.to}-01`, c.leaves, a.ids, a.within1, a.within3, a.within5])
}

export interface RoadEdgeInput {
  id: number
  source: number
  target: number
  lengthM: number
  costWalkS: number | null
  reverseWalkS: number | null
  costDriveS: number | null
  reverseDriveS: number | null
  highway: string
  name: string
  /** GeoJSON LineString text in WGS84. */
  geometry: string
}

/** Inserts road edges (owner only: the CLI and tests), bound as arrays. */
export async function insertRoadEdges(q: Queryable, edges: RoadEdgeInput[]): Promise<number> {
  const col = <K extends keyof RoadEdgeInput>(k: K) => edges.map(e => e[k])
  const rows = await q.query<{ n: number }>(`
    WITH ins AS (
      INSERT INTO road_edge (id, source, target, length_m, cost_walk_s, reverse_walk_s, cost_drive_s, reverse_drive_s, highway, name, geom)
      SELECT id, s, t, l, cw, rw, cd, rd, h, n, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)
      FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::text[], $11::text[])
        AS v(id, s, t, l, cw, rw, cd, rd, h, n, g)
      RETURNING 1)
    SELECT count(*)::int AS n FROM ins`, [col('id'), col('source'), col('target'), col('lengthM'), col('costWalkS'), col('reverseWalkS'), col('costDriveS'), col('reverseDriveS'), col('highway'), col('name'), col('geometry')])
  return rows[0]!.n
}
