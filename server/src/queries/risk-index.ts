import type { Queryable } from '../db/database.ts'
import type { MonthRange } from './choropleth.ts'
import type { RegionLevel } from './regions.ts'

export interface ReferenceCount {
  region: string
  population: number | null
  /** null (with month and value) for a region with no counts in the window. */
  leaf: string | null
  month: string | null
  value: number | null
}

/**
 * Counts per region × leaf × month for EVERY region of the level, whatever the request's scope
 * (a definer function, migration 0015): the index's fixed reference. `codes[i]` is summed into
 * `leaves[i]`, so the catalog's lineage is applied by the caller.
 */
export async function referenceCounts(db: Queryable, q: { level: RegionLevel, range: MonthRange, codes: string[], leaves: string[] }): Promise<ReferenceCount[]> {
  return db.query<ReferenceCount>(`
    SELECT region, population, leaf, to_char(month, 'YYYY-MM') AS month, value
    FROM risk_index_reference($1, $2::date, $3::date, $4::text[], $5::text[])`, [
    q.level,
    `${q.range.from}-01`,
    `${q.range.to}-01`,
    q.codes,
    q.leaves,
  ])
}

/** The months the rollup holds in the whole database (scope-independent, like the reference). */
export async function globalDataMonths(db: Queryable): Promise<MonthRange | null> {
  const rows = await db.query<{ from: string | null, to: string | null }>(`
    SELECT to_char(first, 'YYYY-MM') AS "from", to_char(last, 'YYYY-MM') AS "to" FROM risk_index_data_months()`)
  const r = rows[0]
  return r?.from && r.to ? { from: r.from, to: r.to } : null
}

/** The child regions to score, in scope (row-level security hides the rest). */
export async function scoredRegions(db: Queryable, level: RegionLevel, parent: string | null): Promise<Array<{ code: string, name: string }>> {
  return db.query(`SELECT code, name FROM region WHERE level = $1 AND ($2::text IS NULL OR parent = $2) ORDER BY code`, [level, parent])
}

export interface ConfigRow {
  scope: string
  config: unknown
  version: number
  updatedBy: string
  updatedAt: string
}

const columns = `scope, config, version, updated_by AS "updatedBy", to_json(updated_at) #>> '{}' AS "updatedAt"`

/**
 * The configuration that applies to a scope: its own row, else the nearest ancestor's, else the
 * global one. Row-level security lets a scope read exactly these.
 */
export async function effectiveConfig(db: Queryable, scope: string): Promise<ConfigRow | undefined> {
  const rows = await db.query<ConfigRow>(`
    SELECT ${columns} FROM risk_index_config c
    LEFT JOIN region_ancestor a ON a.descendant = $1 AND a.ancestor = c.scope
    WHERE c.scope = $1 OR c.scope = '*' OR a.ancestor IS NOT NULL
    ORDER BY (c.scope = $1) DESC, a.depth ASC NULLS LAST
    LIMIT 1`, [scope])
  return rows[0]
}

/** The first row of a scope. A concurrent first write fails with 23505, answered 409. */
export async function insertConfig(db: Queryable, r: { scope: string, config: unknown, version: number, actor: string }): Promise<ConfigRow> {
  const rows = await db.query<ConfigRow>(`
    INSERT INTO risk_index_config (scope, config, version, updated_by) VALUES ($1, $2, $3, $4)
    RETURNING ${columns}`, [r.scope, JSON.stringify(r.config), r.version, r.actor])
  return rows[0]!
}

/** Replaces the row of a scope if it is still at `expected`; undefined when it has moved on. */
export async function updateConfig(db: Queryable, r: { scope: string, config: unknown, expected: number, actor: string }): Promise<ConfigRow | undefined> {
  const rows = await db.query<ConfigRow>(`
    UPDATE risk_index_config SET config = $2, version = version + 1, updated_by = $4, updated_at = now()
    WHERE scope = $1 AND version = $3
    RETURNING ${columns}`, [r.scope, JSON.stringify(r.config), r.expected, r.actor])
  return rows[0]
}
