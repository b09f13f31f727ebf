import type { Queryable } from '../db/database.ts'
import type { PatrolRoute } from '../planning/route.ts'
import type { PlanParams, PlanPost } from '../planning/solve.ts'

/** The events a plan is about: those of one district or township, months and indicator leaves. */
export interface PlanEvents {
  region: string
  from: string
  to: string
  leaves: string[]
}

const eventsCte = `
    ev AS MATERIALIZED (
      SELECT e.id, e.township, e.geom::geography AS geog, shanghai_minute_of_week(e.occurred_at) AS minute,
        floor(ST_X(e.geom) / $5)::int AS cx, floor(ST_Y(e.geom) / $5)::int AS cy
      FROM event e
      WHERE e.township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1)
        AND e.month BETWEEN $2::date AND $3::date AND e.indicator = ANY ($4::text[])
    )`

// Each existing unit in scope, with its on-duty week, repeated into the 3 × 3 grid cells around
// its own: an equality join on the cell then pairs an event only with units that could reach it
// (response-coverage.ts explains why the GiST index cannot serve this join under RLS).
const unitsCte = `
    unit AS MATERIALIZED (
      SELECT u.geom::geography AS geog, response_unit_duty_week(u.duty) AS week,
        floor(ST_X(u.geom) / $5)::int AS cx, floor(ST_Y(u.geom) / $5)::int AS cy
      FROM response_unit u
    ),
    near AS MATERIALIZED (
      SELECT unit.geog, unit.week, unit.cx + dx AS cx, unit.cy + dy AS cy
      FROM unit, generate_series(-1, 1) dx, generate_series(-1, 1) dy
    ),
    today AS (
      SELECT DISTINCT ev.id FROM ev
      JOIN near n ON n.cx = ev.cx AND n.cy = ev.cy AND n.week @> ev.minute AND ST_DWithin(n.geog, ev.geog, $6)
    )`

// New posts (always on duty) as points, in the same 3 × 3 cells; k numbers them from 0.
const postsCte = `
    post AS MATERIALIZED (
      SELECT (p.k - 1)::int AS k, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)::geography AS geog,
        floor(p.x / $5)::int + dx AS cx, floor(p.y / $5)::int + dy AS cy
      FROM unnest($7::float8[], $8::float8[]) WITH ORDINALITY AS p(x, y, k), generate_series(-1, 1) dx, generate_series(-1, 1) dy
    )`

/** Degrees of a grid cell at least as wide as the radius up to latitude 60° (1° of longitude ≥ 55.6 km there). */
function cellDegrees(radiusM: number): number {
  return Math.max(radiusM, 1) / 55_000
}

function eventParams(e: PlanEvents): unknown[] {
  return [e.region, `${e.from}-01`, `${e.to}-01`, e.leaves]
}

/** How many events a plan would weigh, to bound the work before doing it. */
export async function countPlanEvents(q: Queryable, e: PlanEvents): Promise<number> {
  const rows = await q.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM event e
    WHERE e.township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1)
      AND e.month BETWEEN $2::date AND $3::date AND e.indicator = ANY ($4::text[])`, eventParams(e))
  return rows[0]!.n
}

/** The indices (from 0) of the points that lie inside the region's boundary. */
export async function pointsInside(q: Queryable, region: string, lon: number[], lat: number[]): Promise<number[]> {
  const rows = await q.query<{ k: number }>(`
    SELECT (p.k - 1)::int AS k
    FROM unnest($2::float8[], $3::float8[]) WITH ORDINALITY AS p(x, y, k)
    JOIN region r ON r.code = $1 AND ST_Intersects(r.geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326))
    ORDER BY p.k`, [region, lon, lat])
  return rows.map(r => r.k)
}

export interface DemandRow {
  township: string
  /** Within the radius of an existing unit on duty at the event's time. */
  today: boolean
  /** The candidates (indices into the lon/lat arrays) within the radius of the event. */
  candidates: number[]
}

/**
 * One row per event of the plan, in event id order: whether an existing on-duty unit reaches it
 * within `radiusM`, and which candidate points would. Distances are geodesic (geography, the
 * WGS84 spheroid), as in the coverage table. One statement, so both answers see the same events.
 */
export async function planDemands(q: Queryable, e: PlanEvents, radiusM: number, lon: number[], lat: number[]): Promise<DemandRow[]> {
  return q.query<DemandRow>(`
    WITH ${eventsCte},${unitsCte},${postsCte},
    reach AS (
      SELECT ev.id, array_agg(p.k ORDER BY p.k) AS ks FROM ev
      JOIN post p ON p.cx = ev.cx AND p.cy = ev.cy AND ST_DWithin(p.geog, ev.geog, $6)
      GROUP BY ev.id
    )
    SELECT ev.township, today.id IS NOT NULL AS today, coalesce(reach.ks, '{}'::int[]) AS candidates
    FROM ev LEFT JOIN today ON today.id = ev.id LEFT JOIN reach ON reach.id = ev.id
    ORDER BY ev.id`, [...eventParams(e), cellDegrees(radiusM), radiusM, lon, lat])
}

export interface CompareRow {
  code: string
  name: string
  events: number
  /** Events within the radius of an existing unit on duty at the event's time. */
  today: number
  /** The same, or within the radius of one of the plan's posts (always on duty). */
  withPlan: number
}

/**
 * Per township of the region (the township itself when the region is one): events, those covered
 * today and those covered once the posts are added as units on duty around the clock.
 */
export async function compareRows(q: Queryable, e: PlanEvents, radiusM: number, lon: number[], lat: number[]): Promise<CompareRow[]> {
  return q.query<CompareRow>(`
    WITH ${eventsCte},${unitsCte},${postsCte},
    planned AS (
      SELECT DISTINCT ev.id FROM ev
      JOIN post p ON p.cx = ev.cx AND p.cy = ev.cy AND ST_DWithin(p.geog, ev.geog, $6)
    )
    SELECT r.code, r.name,
      count(ev.id)::int AS events,
      count(today.id)::int AS today,
      count(*) FILTER (WHERE today.id IS NOT NULL OR planned.id IS NOT NULL)::int AS "withPlan"
    FROM region r
    LEFT JOIN ev ON ev.township = r.code
    LEFT JOIN today ON today.id = ev.id
    LEFT JOIN planned ON planned.id = ev.id
    WHERE r.level = 'township' AND (r.code = $1 OR r.parent = $1)
    GROUP BY r.code, r.name
    ORDER BY r.code`, [...eventParams(e), cellDegrees(radiusM), radiusM, lon, lat])
}

/** The coverage a plan promised when it was solved. */
export interface PlanSummary {
  events: number
  coveredBefore: number
  coveredAfter: number
  shareBefore: number | null
  shareAfter: number | null
  candidates: number
}

export interface PlanRow {
  id: number
  name: string
  region: string
  regionName: string
  params: PlanParams
  posts: PlanPost[]
  route: PatrolRoute | null
  summary: PlanSummary
  synthetic: boolean
  createdBy: string
  createdAt: string
}

const planColumns = `p.id::int AS id, p.name, p.region, r.name AS "regionName", p.params, p.posts, p.route, p.summary,
  p.synthetic, p.created_by AS "createdBy", to_json(p.created_at) #>> '{}' AS "createdAt"`

export interface PlanInsert {
  name: string
  region: string
  params: PlanParams
  posts: PlanPost[]
  route: PatrolRoute | null
  summary: PlanSummary
  actor: string
}

export async function insertPlan(q: Queryable, p: PlanInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO patrol_plan (name, region, params, posts, route, summary, created_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    RETURNING id::int AS id`, [p.name, p.region, JSON.stringify(p.params), JSON.stringify(p.posts), p.route == null ? null : JSON.stringify(p.route), JSON.stringify(p.summary), p.actor])
  return rows[0]!.id
}

/** One plan in scope. */
export async function getPlan(q: Queryable, id: number): Promise<PlanRow | undefined> {
  const rows = await q.query<PlanRow>(`
    SELECT ${planColumns} FROM patrol_plan p JOIN region r ON r.code = p.region
    WHERE p.id = $1`, [id])
  return rows[0]
}

/** The plans in scope, newest first, optionally those of one region and the regions under it. */
export async function listPlans(q: Queryable, region: string | null): Promise<PlanRow[]> {
  return q.query<PlanRow>(`
    SELECT ${planColumns} FROM patrol_plan p JOIN region r ON r.code = p.region
    WHERE ($1::text IS NULL OR p.region IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1))
    ORDER BY p.created_at DESC, p.id DESC`, [region])
}

/** Plans are never edited, so a delete needs no lock: true when a row in scope went. */
export async function deletePlan(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query<{ id: number }>('DELETE FROM patrol_plan WHERE id = $1 RETURNING id::int AS id', [id])
  return rows.length > 0
}
