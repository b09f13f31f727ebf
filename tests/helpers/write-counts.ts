import type { Queryable } from '@riskmap/server/db/database.ts'

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

/**
 * Rows in each of `tables`, and audit entries whose entity is one of `audited` (by default the
 * same tables): what a refused write must leave as it was.
 */
export async function writeCounts(db: Queryable, tables: readonly string[], audited: readonly string[] = tables): Promise<Record<string, number>> {
  // Table names come from the test file, never from input; still, only plain identifiers pass.
  for (const t of tables) {
    if (!IDENTIFIER.test(t))
      throw new Error(`not a table name: ${t}`)
  }
  const [row] = await db.query<Record<string, number>>(`
    SELECT ${tables.map(t => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')},
      (SELECT count(*) FROM audit_log WHERE entity = ANY($1::text[]))::int AS audit_log`, [audited])
  return row!
}
