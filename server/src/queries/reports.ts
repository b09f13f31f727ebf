import type { Queryable } from '../db/database.ts'
import type { RegionRow } from './regions.ts'

/**
 * A report's region and its children, in scope (row-level security hides the rest, so an empty
 * answer means unknown or out of scope). The region comes first, the children by code.
 */
export async function reportRegions(db: Queryable, code: string): Promise<RegionRow[]> {
  return db.query<RegionRow>(`
    SELECT code, name, level, parent, population, population_synthetic AS "populationSynthetic",
      approximate, area_km2 AS "areaKm2", source
    FROM region WHERE code = $1 OR parent = $1
    ORDER BY code <> $1, code`, [code])
}

/** Whether any synthetic (demo) batch is loaded: reports and their exports then say so. */
export async function anySyntheticData(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ synthetic: boolean }>('SELECT EXISTS (SELECT 1 FROM import_batch WHERE synthetic) AS synthetic')
  return rows[0]!.synthetic
}
