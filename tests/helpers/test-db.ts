import type { Database } from '@riskmap/server/db/database.ts'
import type { Deps } from '@riskmap/server/http/env.ts'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '@riskmap/server/config.ts'
import { openDatabase } from '@riskmap/server/db/database.ts'
import { loadCatalog } from '@riskmap/server/domain/catalog.ts'
import { prepare } from '@riskmap/server/startup.ts'
import pg from 'pg'

/**
 * Server tests run against real PostGIS: a PostgreSQL server when DATABASE_URL is set, else the
 * embedded PGlite + postgis. A template (migrated, boundaries and catalog loaded, no demo data)
 * is built once per run in global setup; each test file gets its own copy.
 */
export const usingServer = Boolean(process.env.DATABASE_URL)

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  }
  finally {
    await client.end()
  }
}

/** Builds the template once: returns a database name (server) or a data directory (embedded). */
export async function buildTemplate(): Promise<string> {
  // Setup, not a test of timeouts: CREATE EXTENSION postgis alone took 25–43 s on PGlite on a
  // loaded 2-core machine, past the default 15 s statement timeout.
  const base = { ...loadConfig({}), demo: false, adminPassword: 'template-admin-password', statementTimeoutMs: 180_000 }
  if (usingServer) {
    const name = `riskmap_template_${process.pid}`
    await adminQuery(`DROP DATABASE IF EXISTS ${name}`)
    await adminQuery(`CREATE DATABASE ${name}`)
    const deps = await prepare({ ...base, databaseUrl: withDatabaseName(process.env.DATABASE_URL!, name) })
    await deps.db.close()
    return name
  }
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-template-'))
  const deps = await prepare({ ...base, databaseUrl: undefined, dataDir: dir })
  await deps.db.close()
  return dir
}

export async function dropTemplate(template: string): Promise<void> {
  if (usingServer)
    await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
  else
    rmSync(template, { recursive: true, force: true })
}

export interface TestDatabase extends Deps {
  db: Database
  /** DATABASE_URL or RISKMAP_DATA_DIR for a child process (the CLI) to reach this database. */
  env: Record<string, string>
  /** Runs fn with the database closed in this process (the embedded one admits one process). */
  whileClosed: <T>(fn: () => Promise<T>) => Promise<T>
  close: () => Promise<void>
}

let counter = 0

/** A fresh copy of the template for one test file. */
export async function openTestDatabase(template: string): Promise<TestDatabase> {
  const base = { ...loadConfig({}), demo: false }
  if (usingServer) {
    const name = `riskmap_t_${process.pid}_${++counter}`
    await adminQuery(`DROP DATABASE IF EXISTS ${name}`)
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`)
    const url = withDatabaseName(process.env.DATABASE_URL!, name)
    const db = await openDatabase({ ...base, databaseUrl: url })
    return {
      db,
      catalog: await loadCatalog(db),
      env: { DATABASE_URL: url },
      whileClosed: fn => fn(),
      async close() {
        await db.close()
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      },
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-test-'))
  cpSync(template, dir, { recursive: true })
  const open = () => openDatabase({ ...base, databaseUrl: undefined, dataDir: dir })
  const db = await open()
  const t: TestDatabase = {
    db,
    catalog: await loadCatalog(db),
    env: { RISKMAP_DATA_DIR: dir },
    async whileClosed(fn) {
      await t.db.close()
      try {
        return await fn()
      }
      finally {
        t.db = await open()
      }
    },
    async close() {
      await t.db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return t
}
