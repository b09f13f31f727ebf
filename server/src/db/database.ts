import type { PoolClient, QueryResultRow } from 'pg'
import type { Config } from '../config.ts'
import pg from 'pg'
import { startEmbeddedPostgis } from './embedded.ts'
import { runMigrations } from './migrate.ts'

export type DatabaseKind = 'embedded' | 'server'

/** Anything that runs a query and returns its rows: the pool, or one scoped transaction. */
export interface Queryable {
  query: <R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>
}

/** One transaction under a region scope, as the unprivileged role that row-level security binds. */
export interface Scoped extends Queryable {
  client: PoolClient
}

export interface Database extends Queryable {
  kind: DatabaseKind
  pool: pg.Pool
  /** Runs fn in one transaction on one connection, with the owner's rights (start-up, CLI, auth). */
  transaction: <T>(fn: (client: PoolClient) => Promise<T>) => Promise<T>
  /**
   * Runs fn in one transaction as `riskmap_app` with `riskmap.scope` set: row-level security then
   * hides and refuses every row outside the scope's subtree (migration 0005). Read mode is a READ
   * ONLY transaction, so a read-only principal cannot write even through a mistaken route.
   * Never await another pool query inside fn: the embedded database runs one transaction at a time.
   */
  scoped: <T>(scope: string, mode: 'read' | 'write', fn: (q: Scoped) => Promise<T>) => Promise<T>
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
    // PGlite is one session: pglite-socket interleaves the extended-protocol messages of concurrent
    // connections (one connection's unnamed statement replaces another's), so the embedded
    // database gets exactly one connection and requests queue for it here instead.
    max: embedded ? 1 : config.poolMax,
    // pg waits forever for a free connection by default; fail fast instead and answer 503.
    connectionTimeoutMillis: embedded ? config.connectionTimeoutMs * 3 : config.connectionTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    // Client-side too: the embedded database queues queries behind an open transaction, where the
    // server-side timeout cannot see them (PGlite does not enforce statement_timeout at all), and a
    // stuck query must fail rather than hang a request. The grace over the server-side timeout is
    // 5 s, or the timeout itself (at least 1 s) when that is shorter, so that a short timeout stays short.
    query_timeout: config.statementTimeoutMs + Math.min(5_000, Math.max(config.statementTimeoutMs, 1_000)),
    idle_in_transaction_session_timeout: Math.max(config.statementTimeoutMs * 4, 60_000),
    idleTimeoutMillis: 30_000,
    application_name: 'riskmap',
  })
  // An idle client losing its server connection must not crash the process.
  pool.on('error', err => console.error('[db] idle client error:', err.message))
  // Nor may a checked-out one: pg-pool listens only while a client is idle, and a connection
  // reset between two queries of a request (PostgreSQL restarted) is emitted as 'error' on the
  // client. The request's next query then fails and is answered 503; the pool drops the client.
  pool.on('connect', client => client.on('error', err => console.error('[db] client error:', err.message)))

  /** BEGIN (in the given form), fn, COMMIT on one connection; ROLLBACK if anything throws. */
  async function inTransaction<T>(begin: string, fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query(begin)
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
  }

  const db: Database = {
    kind: embedded ? 'embedded' : 'server',
    pool,
    async query(sql, params) {
      const res = await pool.query(sql, params as unknown[])
      return res.rows
    },
    transaction: fn => inTransaction('BEGIN', fn),
    async scoped(scope, mode, fn) {
      if (scope !== '*' && !/^\d{6}(?:\d{6})?$/.test(scope))
        throw new Error(`invalid scope ${JSON.stringify(scope)}`)
      // One round trip (a multi-statement simple query) instead of three: it runs on every
      // request. The scope is checked just above and quoted as a literal.
      const begin = `${mode === 'read' ? 'BEGIN READ ONLY' : 'BEGIN'}; SET LOCAL ROLE riskmap_app; SELECT set_config('riskmap.scope', ${pg.escapeLiteral(scope)}, true)`
      return inTransaction(begin, client => fn({ client, ...onClient(client) }))
    },
    async close() {
      await pool.end()
      await embedded?.stop()
    },
  }
  await runMigrations(db)
  return db
}

/** The rows-returning interface over one connection, for queries shared with the pool. */
export function onClient(client: PoolClient): Queryable {
  return { query: async (sql, params) => (await client.query(sql, params as unknown[])).rows }
}
