import type { PoolClient } from 'pg'
import type { Queryable } from '../db/database.ts'

/**
 * Adds one import's events to the hexagon counts of the given months, at all three sizes
 * (migration 0006, `add_import_hex_counts`). Called by every events import right after it has
 * inserted its events and refreshed the rollup, in its transaction. Events are insert-only, so the
 * import adds just its own rows: existing cells gain n, new cells are inserted.
 * One statement per month: a many-month import (the demo's 24 months, a 1M-row backfill) would
 * otherwise be one statement of tens of seconds, past the statement timeout.
 */
export async function addImportHexCounts(client: PoolClient, importId: number, months: string[]): Promise<void> {
  for (const month of months)
    await client.query('SELECT add_import_hex_counts($1, $2::date[])', [importId, [month]])
}

export interface HexCountQuery {
  size: number
  srid: number
  /** The study region: only events of its townships count. */
  parent: string
  leaves: string[]
  /** First and last month, 'YYYY-MM'. */
  from: string
  to: string
}

/** Events per cell over the months, for the study region's townships; cells without events are absent. */
export async function hexCellCounts(db: Queryable, q: HexCountQuery): Promise<Array<{ i: number, j: number, n: number }>> {
  return db.query(`
    SELECT i, j, sum(n)::int AS n FROM hex_count
    WHERE month BETWEEN $1::date AND $2::date AND size = $3 AND srid = $4
      AND township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $5)
      AND indicator = ANY ($6::text[])
    GROUP BY i, j`, [`${q.from}-01`, `${q.to}-01`, q.size, q.srid, q.parent, q.leaves])
}

/** The same per cell and month ('YYYY-MM'); cell-months without events are absent. */
export async function hexCellMonthlyCounts(db: Queryable, q: HexCountQuery): Promise<Array<{ i: number, j: number, month: string, n: number }>> {
  return db.query(`
    SELECT i, j, to_char(month, 'YYYY-MM') AS month, sum(n)::int AS n FROM hex_count
    WHERE month BETWEEN $1::date AND $2::date AND size = $3 AND srid = $4
      AND township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $5)
      AND indicator = ANY ($6::text[])
    GROUP BY i, j, month`, [`${q.from}-01`, `${q.to}-01`, q.size, q.srid, q.parent, q.leaves])
}
