import type { PoolClient } from 'pg'
import type { Queryable } from '../db/database.ts'

/** The townships an events import wrote to; its months bound the scan to the (month, township) index. */
export async function eventImportTownships(client: PoolClient, importId: number, months: string[]): Promise<string[]> {
  const res = await client.query<{ code: string }>(`
    SELECT DISTINCT township AS code FROM event
    WHERE month = ANY($2::date[]) AND import_id = $1 ORDER BY 1`, [importId, months.map(m => `${m}-01`)])
  return res.rows.map(r => r.code)
}

/** The regions a values import delivered for (rows it inserted or last updated). */
export async function valueImportRegions(client: PoolClient, importId: number): Promise<string[]> {
  const res = await client.query<{ code: string }>('SELECT DISTINCT region AS code FROM indicator_value WHERE import_id = $1 ORDER BY 1', [importId])
  return res.rows.map(r => r.code)
}

/** The townships holding the given response units. */
export async function unitTownships(client: PoolClient, ids: number[]): Promise<string[]> {
  const res = await client.query<{ code: string }>('SELECT DISTINCT region AS code FROM response_unit WHERE id = ANY($1::bigint[]) ORDER BY 1', [ids])
  return res.rows.map(r => r.code)
}

/** The latest import id, whatever the scope (migration 0014, `wall_data_version`). */
export async function dataVersion(q: Queryable): Promise<number> {
  const rows = await q.query<{ v: string }>('SELECT wall_data_version() AS v')
  return Number(rows[0]!.v)
}

/** Every region code the scope can see (row-level security does the filtering). */
export async function visibleRegionCodes(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ code: string }>('SELECT code FROM region')
  return rows.map(r => r.code)
}
