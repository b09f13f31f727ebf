import type { PoolClient, QueryResultRow } from 'pg'
import type { Config } from '../config.ts'
import pg from 'pg'
import { startEmbeddedPostgis } from './embedded.ts'
import { runMigrations } from './migrate.ts'

export type DatabaseKind = 'embedded' | 'server'

export interface Database {
  kind: DatabaseKind
  pool: pg.Pool
  query: <R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>
  /** Runs fn in one transaction on one connection. Never await another pool query inside it. */
  transaction: <T>(fn: (client: PoolClient) => Promise<T>) => Promise<T>
  close: () => Promise<void>
}

// Dates and months travel as text: a `date` parsed into a JS Date would shift with the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, v => v)
pg.types.setTypeParser(pg.types.builtins.INT8, v => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, v => Number(v))

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'statementTimeoutMs' | 'connectionTimeoutMs' | 'poolMax'>): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgis(config.dataDir)
  const pool = new pg.Pool({
    connectionString: config.databaseUrl ?? embedded!.connectionString,
    max: config.poolMax,
    // pg waits forever for a free connection by default; fail fast instead and answer 503.
    connectionTimeoutMillis: config.connectionTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: Math.max(config.statementTimeoutMs * 4, 60_000),
    idleTimeoutMillis: 30_000,
    application_name: 'riskmap',
  })
  // An idle client losing its server connection must not crash the process.
  pool.on('error', err => console.error('[db] idle client error:', err.message))

  const db: Database = {
    kind: embedded ? 'embedded' : 'server',
    pool,
    async query(sql, params) {
      const res = await pool.query(sql, params as unknown[])
      return res.rows
    },
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(client)
        await client.query('COMMIT')
        return result
      }
      catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        throw err
      }
      finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
      await embedded?.stop()
    },
  }
  await runMigrations(db)
  return db
}
