import type { PoolClient } from 'pg'

export interface ImportBatchInsert {
  kind: 'events' | 'values' | 'demo'
  source: string
  filename: string | null
  inputCrs: string | null
  actor: string
  scope: string
  synthetic: boolean
}

export async function createImportBatch(client: PoolClient, b: ImportBatchInsert): Promise<number> {
  const res = await client.query<{ id: number }>(`
    INSERT INTO import_batch (kind, source, filename, input_crs, actor, scope, synthetic)
    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [b.kind, b.source, b.filename, b.inputCrs, b.actor, b.scope, b.synthetic])
  return res.rows[0]!.id
}

export async function finishImportBatch(client: PoolClient, id: number, inserted: number, updated: number): Promise<void> {
  await client.query('UPDATE import_batch SET rows_inserted = $2, rows_updated = $3 WHERE id = $1', [id, inserted, updated])
}
