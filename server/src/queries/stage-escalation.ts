import type { Queryable } from '../db/database.ts'
import type { MonthRange } from './choropleth.ts'

export interface TownshipRow { code: string, name: string, population: number | null }

/** The townships at or below `parent` in scope (a township parent is its own only township). */
export async function townshipsUnder(q: Queryable, parent: string): Promise<TownshipRow[]> {
  return q.query<TownshipRow>(`
    SELECT r.code, r.name, r.population FROM region r
    JOIN region_ancestor a ON a.descendant = r.code AND a.ancestor = $1
    WHERE r.level = 'township' ORDER BY r.code`, [parent])
}

/** Township × sub-class × month sums of the given sub-classes over a month range, from the rollup. */
export async function townshipSubclassCounts(q: Queryable, townships: string[], leaves: string[], range: MonthRange) {
  return q.query<{ region: string, indicator: string, month: string, value: number }>(`
    SELECT region, indicator, to_char(month, 'YYYY-MM') AS month, sum(value)::float8 AS value
    FROM rollup
    WHERE region = ANY($1::text[]) AND indicator = ANY($2::text[]) AND month BETWEEN $3::date AND $4::date
    GROUP BY 1, 2, 3`, [townships, leaves, `${range.from}-01`, `${range.to}-01`])
}
