import type { Queryable } from '../db/database.ts'
import type { RegionLevel } from './regions.ts'

export interface ChangeCountRow {
  code: string
  name: string
  population: number | null
  /** null (with value) for a region without counts in the months asked. */
  month: string | null
  value: number | null
}

/**
 * One indicator's monthly sums for every child region in scope, for the listed months only (the
 * current month and its baselines), from the rollup. Regions without counts come back once with
 * nulls, so every child is in the answer.
 */
export async function changeCounts(db: Queryable, q: { level: RegionLevel, parent: string | null, leaves: string[], months: string[] }): Promise<ChangeCountRow[]> {
  return db.query<ChangeCountRow>(`
    SELECT r.code, r.name, r.population, to_char(u.month, 'YYYY-MM') AS month, sum(u.value)::float8 AS value
    FROM region r
    LEFT JOIN rollup u ON u.region = r.code AND u.indicator = ANY($3::text[]) AND u.month = ANY($4::date[])
    WHERE r.level = $1 AND ($2::text IS NULL OR r.parent = $2)
    GROUP BY r.code, u.month
    ORDER BY r.code`, [q.level, q.parent, q.leaves, q.months.map(m => `${m}-01`)])
}
