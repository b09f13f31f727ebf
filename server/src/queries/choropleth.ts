import type { Queryable } from '../db/database.ts'
import type { RegionLevel } from './regions.ts'

export interface MonthRange { from: string, to: string }

export interface ChoroplethRow {
  code: string
  name: string
  population: number | null
  value: number
  previous: number | null
}

/**
 * One indicator summed over a month range for every child region, read only from the rollup.
 * Months are bound as dates ('YYYY-MM-01'); the comparison range is optional.
 */
export async function choroplethRows(db: Queryable, q: { level: RegionLevel, parent: string | null, leaves: string[], current: MonthRange, previous: MonthRange | null }): Promise<ChoroplethRow[]> {
  const p = q.previous
  return db.query<ChoroplethRow>(`
    SELECT r.code, r.name, r.population,
      coalesce(sum(u.value) FILTER (WHERE u.month BETWEEN $3::date AND $4::date), 0) AS value,
      CASE WHEN $5::date IS NULL THEN NULL
           ELSE coalesce(sum(u.value) FILTER (WHERE u.month BETWEEN $5::date AND $6::date), 0) END AS previous
    FROM region r
    LEFT JOIN rollup u ON u.region = r.code AND u.indicator = ANY($7::text[])
      AND (u.month BETWEEN $3::date AND $4::date OR u.month BETWEEN $5::date AND $6::date)
    WHERE r.level = $1 AND ($2::text IS NULL OR r.parent = $2)
    GROUP BY r.code
    ORDER BY r.code`, [
    q.level,
    q.parent,
    `${q.current.from}-01`,
    `${q.current.to}-01`,
    p ? `${p.from}-01` : null,
    p ? `${p.to}-01` : null,
    q.leaves,
  ])
}

/** Per sub-class totals for one region over a month range. */
export async function regionSubclassTotals(db: Queryable, region: string, range: MonthRange): Promise<Map<string, number>> {
  const rows = await db.query<{ indicator: string, value: number }>(`
    SELECT indicator, sum(value) AS value FROM rollup
    WHERE region = $1 AND month BETWEEN $2::date AND $3::date
    GROUP BY indicator`, [region, `${range.from}-01`, `${range.to}-01`])
  return new Map(rows.map(r => [r.indicator, r.value]))
}

/** Monthly totals of a set of sub-classes for one region. Months without data are absent. */
export async function regionTrend(db: Queryable, region: string, leaves: string[], range: MonthRange): Promise<Map<string, number>> {
  const rows = await db.query<{ month: string, value: number }>(`
    SELECT to_char(month, 'YYYY-MM') AS month, sum(value) AS value FROM rollup
    WHERE region = $1 AND indicator = ANY($2::text[]) AND month BETWEEN $3::date AND $4::date
    GROUP BY month`, [region, leaves, `${range.from}-01`, `${range.to}-01`])
  return new Map(rows.map(r => [r.month, r.value]))
}

export async function dataMonths(db: Queryable): Promise<MonthRange | null> {
  const rows = await db.query<{ from: string | null, to: string | null }>(`
    SELECT to_char(min(month), 'YYYY-MM') AS "from", to_char(max(month), 'YYYY-MM') AS "to" FROM rollup`)
  const r = rows[0]
  return r?.from && r.to ? { from: r.from, to: r.to } : null
}
