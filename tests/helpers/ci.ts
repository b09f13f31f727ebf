import { existsSync } from 'node:fs'
import process from 'node:process'
import { describe, it } from 'vitest'

/**
 * In CI a missing prerequisite (Chromium, a PostGIS server) is a broken pipeline, not a reason to
 * skip: a green run that tested nothing is worse than a red one. Locally we skip with a note.
 */
export const inCI = process.env.CI === 'true'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(chromiumPath)

/** A PostgreSQL server with PostGIS, as opposed to the embedded PGlite the server falls back to. */
export const serverDatabaseUrl = process.env.DATABASE_URL || undefined

type SuiteBody = () => void

function requireOrSkip(available: boolean, required: boolean, missing: string) {
  return (name: string, body: SuiteBody): void => {
    if (available) {
      describe(name, body)
      return
    }
    if (required) {
      describe(name, () => {
        it('has its prerequisites', () => {
          throw new Error(`${missing} (CI=true turns a missing prerequisite into a failure)`)
        })
      })
      return
    }
    describe.skip(`${name} [skipped: ${missing}]`, body)
  }
}

/** `describe` for suites that drive Chromium through playwright-core. */
export const describeIfBrowser = requireOrSkip(
  hasChromium,
  inCI,
  `Chromium not found at ${chromiumPath}; install it (apt-get install chromium) or set CHROMIUM_PATH`,
)

/**
 * `describe` for suites that need a real PostgreSQL + PostGIS server via DATABASE_URL.
 * CI runs the server tests twice, once without DATABASE_URL (embedded PGlite); that pass skips these
 * suites on purpose. RISKMAP_EXPECT_SERVER_DB=1 (set by .ci/run for the server pass) makes a missing
 * DATABASE_URL fail instead. Reachability and PostGIS itself are checked by `assertPostgis`.
 */
export const describeIfServerDb = requireOrSkip(
  serverDatabaseUrl !== undefined,
  process.env.RISKMAP_EXPECT_SERVER_DB === '1',
  'DATABASE_URL is not set (needs a PostgreSQL server with PostGIS)',
)

/** PostgreSQL's own programs (initdb, pg_ctl), for tests that run and restart a cluster of their own. */
export const pgBin = process.env.RISKMAP_PGBIN ?? '/usr/lib/postgresql/15/bin'

/** `describe` for suites that start their own PostgreSQL cluster (postgresql-15-postgis-3 in CI). */
export const describeIfPgBinaries = requireOrSkip(
  existsSync(`${pgBin}/initdb`) && existsSync(`${pgBin}/pg_ctl`),
  inCI,
  `no PostgreSQL binaries in ${pgBin}: install postgresql-15-postgis-3 or set RISKMAP_PGBIN`,
)

/** Fails with a readable message when `url` is unreachable or lacks PostGIS; call it in `beforeAll`. */
export async function assertPostgis(url: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
    const { rows } = await client.query<{ available: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') AS available`,
    )
    if (!rows[0]?.available)
      throw new Error('the PostGIS extension is not installed on this PostgreSQL server')
  }
  catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`PostgreSQL with PostGIS is required at ${redactUrl(url)}: ${reason}`)
  }
  finally {
    await client.end().catch(() => {})
  }
}

/** Connection strings may carry passwords; logs and messages get them masked. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password)
      parsed.password = '***'
    return parsed.toString()
  }
  catch {
    return '<unparseable DATABASE_URL>'
  }
}
