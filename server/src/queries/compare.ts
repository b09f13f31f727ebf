import type { Queryable } from '../db/database.ts'
import type { MonthRange } from './choropleth.ts'
import type { RegionRow } from './regions.ts'

export interface CompareCount { region: string, indicator: string, month: string, value: number }

/**
 * The regions to compare, in scope: row-level security hides the rest, so a code missing from
 * the answer is unknown or out of scope (the caller says 404 either way).
 */
export async function compareRegions(db: Queryable, codes: string[]): Promise<RegionRow[]> {
  return db.query<RegionRow>(`
    SELECT code, name, level, parent, population, population_synthetic AS "populationSynthetic",
      approximate, area_km2 AS "areaKm2", source
    FROM region WHERE code = ANY($1::text[])`, [codes])
}

/**
 * Region × sub-class × month sums from the same rollup /api/choropleth reads (one row per
 * region, sub-class and month that has any), for every region at once. Categories and classes
 * are summed from these in JS with the catalog's leaves, exactly as the choropleth's
 * `indicator = ANY(leaves)` does. Empty months are absent.
 */
export async function compareMonthlyCounts(db: Queryable, regions: string[], range: MonthRange): Promise<CompareCount[]> {
  return db.query<CompareCount>(`
    SELECT region, indicator, to_char(month, 'YYYY-MM') AS month, sum(value)::float8 AS value
    FROM rollup
    WHERE region = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date
    GROUP BY region, indicator, month`, [regions, `${range.from}-01`, `${range.to}-01`])
}
