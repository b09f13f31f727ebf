import type { Queryable } from '@riskmap/server/db/database.ts'

export interface ImportSnapshot {
  eventsFromSource: number
  batchesFromSource: number
  auditImports: number
  events: number
  rollupRows: number
  rollupTotal: number
}

/** What an import of `source` would leave behind: its rows, its batch, its audit entry, the rollup. */
export async function importSnapshot(db: Queryable, source: string): Promise<ImportSnapshot> {
  const rows = await db.query<ImportSnapshot>(`
    SELECT (SELECT count(*)::int FROM event WHERE source = $1) AS "eventsFromSource",
           (SELECT count(*)::int FROM import_batch WHERE source = $1) AS "batchesFromSource",
           (SELECT count(*)::int FROM audit_log WHERE action = 'import.events' AND after->>'source' = $1) AS "auditImports",
           (SELECT count(*)::int FROM event) AS events,
           (SELECT count(*)::int FROM rollup) AS "rollupRows",
           (SELECT coalesce(sum(value), 0)::float8 FROM rollup) AS "rollupTotal"`, [source])
  return rows[0]!
}
