import type { Queryable } from '../db/database.ts'

// Every count here is read from the rollup (region × sub-class × month at every level), never by a
// spatial join; only the last event's time and the ticker read events, and those only within the
// latest months that the rollup says have data, so the (month, township) index serves them.

/** The first month with any data for the region (through the primary key's region prefix), or null. */
export async function firstDataMonth(q: Queryable, region: string): Promise<string | null> {
  const rows = await q.query<{ month: string | null }>(`SELECT to_char(min(month), 'YYYY-MM') AS month FROM rollup WHERE region = $1`, [region])
  return rows[0]?.month ?? null
}

/** Monthly totals of the sub-classes for one region in the given months; months without rows are absent. */
export async function regionMonthValues(q: Queryable, region: string, leaves: string[], months: string[]): Promise<Map<string, number>> {
  const rows = await q.query<{ month: string, value: number }>(`
    SELECT to_char(month, 'YYYY-MM') AS month, sum(value) AS value FROM rollup
    WHERE region = $1 AND indicator = ANY($2::text[]) AND month = ANY($3::date[])
    GROUP BY month`, [region, leaves, months.map(m => `${m}-01`)])
  return new Map(rows.map(r => [r.month, r.value]))
}

export interface ChildCounts {
  code: string
  name: string
  level: 'district' | 'township'
  parentName: string | null
  population: number | null
  current: number
  previous: number
}

/** The districts and townships under a region (itself excluded), with this and last month's counts. */
export async function descendantCounts(q: Queryable, o: { region: string, leaves: string[], month: string, previous: string, levels: Array<'district' | 'township'> }): Promise<ChildCounts[]> {
  return q.query<ChildCounts>(`
    SELECT r.code, r.name, r.level, p.name AS "parentName", r.population,
      coalesce(sum(u.value) FILTER (WHERE u.month = $3::date), 0) AS current,
      coalesce(sum(u.value) FILTER (WHERE u.month = $4::date), 0) AS previous
    FROM region_ancestor a
    JOIN region r ON r.code = a.descendant AND r.level = ANY($5::text[])
    LEFT JOIN region p ON p.code = r.parent
    LEFT JOIN rollup u ON u.region = r.code AND u.indicator = ANY($2::text[]) AND u.month IN ($3::date, $4::date)
    WHERE a.ancestor = $1 AND (a.depth > 0 OR r.level = 'township')
    GROUP BY r.code, p.name
    ORDER BY r.code`, [o.region, o.leaves, `${o.month}-01`, `${o.previous}-01`, o.levels])
}

/** Bounding box [w, s, e, n] and a point inside, from the display geometry, for the given regions. */
export async function regionFrames(q: Queryable, codes: string[]): Promise<Map<string, { bbox: [number, number, number, number], center: [number, number] }>> {
  const rows = await q.query<{ code: string, w: number, s: number, e: number, n: number, x: number, y: number }>(`
    SELECT code, ST_XMin(geom_display) AS w, ST_YMin(geom_display) AS s, ST_XMax(geom_display) AS e, ST_YMax(geom_display) AS n,
      ST_X(ST_PointOnSurface(geom_display)) AS x, ST_Y(ST_PointOnSurface(geom_display)) AS y
    FROM region WHERE code = ANY($1::text[])`, [codes])
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6
  return new Map(rows.map(r => [r.code, { bbox: [r6(r.w), r6(r.s), r6(r.e), r6(r.n)], center: [r6(r.x), r6(r.y)] }]))
}

/**
 * The time of the last event of the sub-classes under a region strictly before `before` (ISO), as
 * ISO text, or null. The rollup names the two latest months with data up to `month`; only those
 * months' events are read.
 */
export async function lastEventAt(q: Queryable, o: { region: string, leaves: string[], month: string, before: string }): Promise<string | null> {
  const rows = await q.query<{ at: string | null }>(`
    WITH m AS (
      SELECT DISTINCT month FROM rollup
      WHERE region = $1 AND indicator = ANY($2::text[]) AND month <= $3::date AND value > 0
      ORDER BY month DESC LIMIT 2
    )
    SELECT to_json(max(e.occurred_at)) #>> '{}' AS at FROM event e
    WHERE e.month IN (SELECT month FROM m) AND e.indicator = ANY($2::text[]) AND e.occurred_at < $4::timestamptz
      AND e.township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1)`, [o.region, o.leaves, `${o.month}-01`, o.before])
  return rows[0]?.at ?? null
}

export interface TickerEventRow { id: number, at: string, indicator: string, township: string, townshipName: string }

/**
 * The latest events (of the given geolocated sub-classes) under a region, newest first, read from
 * the two latest months the rollup has for them there; events stamped after now are left out.
 */
export async function latestEvents(q: Queryable, region: string, leaves: string[], limit: number): Promise<TickerEventRow[]> {
  return q.query<TickerEventRow>(`
    WITH m AS (
      SELECT DISTINCT month FROM rollup
      WHERE region = $1 AND indicator = ANY($2::text[]) AND value > 0 AND month <= now()::date
      ORDER BY month DESC LIMIT 2
    )
    SELECT e.id, to_json(e.occurred_at) #>> '{}' AS at, e.indicator, e.township, r.name AS "townshipName"
    FROM event e JOIN region r ON r.code = e.township
    WHERE e.month IN (SELECT month FROM m) AND e.indicator = ANY($2::text[]) AND e.occurred_at <= now()
      AND e.township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1)
    ORDER BY e.occurred_at DESC, e.id DESC LIMIT $3`, [region, leaves, limit])
}

export interface TickerImportRow { id: number, at: string, kind: string, rows: number, synthetic: boolean }

/** The latest imports the scope can see, newest first. */
export async function latestImports(q: Queryable, limit: number): Promise<TickerImportRow[]> {
  return q.query<TickerImportRow>(`
    SELECT id, to_json(created_at) #>> '{}' AS at, kind, rows_inserted + rows_updated AS rows, synthetic
    FROM import_batch ORDER BY created_at DESC, id DESC LIMIT $1`, [limit])
}
