import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { inject } from 'vitest'
import { redactUrl } from './ci.ts'
import { freePort } from './server-process.ts'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const artifactsDir = path.join(repoRoot, 'tests', 'artifacts')

/** The first start seeds the demo data set, which takes minutes on a small CI machine. */
const HEALTH_TIMEOUT_MS = 10 * 60_000

export interface E2eServer {
  url: string
  dataDir: string
  /** Where the server's stdout and stderr go, for attaching to a failure. */
  logFile: string
  /** The server's own database on the DATABASE_URL cluster (undefined on the embedded one), for independent counts. */
  databaseUrl?: string
  stop: () => Promise<void>
  /** Stop and start again on the same port, data directory and database (persistence checks). */
  restart: () => Promise<void>
  /** Stop the server process but keep its data (a server outage); `resume()` starts it again. */
  halt: () => Promise<void>
  resume: () => Promise<void>
}

let serial = 0

/** The first admin's password in every e2e server (username `admin`). */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password'

/**
 * Logs the browser context in through the API (the cookie lands in the context's jar) and
 * returns the session reply, which carries the CSRF token for writes.
 */
export async function loginAs(context: { request: { post: (url: string, opts: { data: unknown }) => Promise<{ ok: () => boolean, status: () => number, json: () => Promise<any> }> } }, baseUrl: string, username = 'admin', password = E2E_ADMIN_PASSWORD): Promise<{ csrfToken: string, role: string }> {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { username, password } })
  if (!res.ok())
    throw new Error(`login as ${username} failed: ${res.status()}`)
  return res.json()
}

/**
 * Start the real server (`server/src/main.ts` through tsx) on a free port with a fresh data
 * directory and, when DATABASE_URL is set, a fresh database on that PostgreSQL server.
 */
export async function startServer(opts: { env?: Record<string, string> } = {}): Promise<E2eServer> {
  const webIndex = path.join(repoRoot, 'web', 'dist', 'index.html')
  if (!opts.env?.RISKMAP_WEB_DIST && !existsSync(webIndex))
    throw new Error(`${webIndex} is missing: build the client first (npm test does; or pnpm --filter @riskmap/web build)`)
  const n = ++serial
  const name = `riskmap_e2e_${process.pid}_${n}`
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(path.join(tmpdir(), 'riskmap-e2e-'))
  const logDir = path.join(artifactsDir, 'logs')
  mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, `server-${name}.log`)

  const adminUrl = process.env.DATABASE_URL || undefined

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RISKMAP_DATA_DIR: dataDir,
    RISKMAP_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    // Start-up (migrations, demo seed) is not what these tests time; a busy CI core must not fail it.
    RISKMAP_STATEMENT_TIMEOUT_MS: '120000',
    ...opts.env,
  }
  delete env.DATABASE_URL
  if (adminUrl) {
    const template = await seededTemplate(adminUrl, env, logDir)
    env.DATABASE_URL = await createDatabase(adminUrl, name, template)
  }

  let child: ChildProcess | undefined
  const launch = async () => {
    child = spawnServer(env, logFile)
    await waitForHealth(url, child, logFile)
  }
  const halt = async () => {
    if (child)
      await killGroup(child)
    child = undefined
  }

  await launch()
  return {
    url,
    dataDir,
    logFile,
    databaseUrl: env.DATABASE_URL,
    restart: async () => {
      await halt()
      await launch()
    },
    halt,
    resume: launch,
    stop: async () => {
      await halt()
      rmSync(dataDir, { recursive: true, force: true })
      if (adminUrl)
        await dropDatabase(adminUrl, name).catch(() => {})
    },
  }
}

function spawnServer(env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = createWriteStream(logFile, { flags: 'a' })
  log.write(`\n--- start ${new Date().toISOString()} PORT=${env.PORT} RISKMAP_DATA_DIR=${env.RISKMAP_DATA_DIR}`
    + ` DATABASE_URL=${env.DATABASE_URL ? redactUrl(env.DATABASE_URL) : '(embedded)'}\n`)
  // Same working directory as `pnpm --filter @riskmap/server serve`, so paths resolve as in production.
  const child = spawn(
    path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [path.join(repoRoot, 'server', 'src', 'main.ts')],
    { cwd: path.join(repoRoot, 'server'), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.pipe(log, { end: false })
  child.stderr?.pipe(log, { end: false })
  // 'close' rather than 'exit': it waits for the pipes to drain, so nothing is written after end().
  child.on('close', (code, signal) => {
    log.end(`--- exit code=${code} signal=${signal}\n`)
  })
  return child
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy\n${tail(logFile)}`)
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })
      if (response.status === 200)
        return
    }
    catch {
      // Not listening yet.
    }
    await sleep(500)
  }
  await killGroup(child)
  throw new Error(`server did not answer 200 on ${url}/api/health within ${HEALTH_TIMEOUT_MS / 1000}s\n${tail(logFile)}`)
}

/** tsx runs the server as a grandchild, so signal the whole process group. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    }
    catch {
      // Already gone.
    }
  }
  signal('SIGTERM')
  const timedOut = await Promise.race([exited.then(() => false), sleep(15_000).then(() => true)])
  if (timedOut) {
    signal('SIGKILL')
    await exited
  }
}

function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await work(client)
  }
  finally {
    await client.end()
  }
}

async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  // `name` and `template` are built from digits and letters only; identifiers cannot be bound as parameters.
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`)
  })
  const url = databaseUrlFor(adminUrl, name)
  await withClient(url, async (client) => {
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis')
  })
  return url
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, client => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
}

const TEMPLATE_PREFIX = 'riskmap_e2e_tpl_'

/** The run id from the e2e project's global setup, or undefined outside it (no template reuse then). */
function e2eRun(): string | undefined {
  try {
    return inject('e2eRun') || undefined
  }
  catch {
    return undefined
  }
}

/**
 * A database seeded the way `env` would seed it (demo switches and size, first admin), built once
 * per run by starting the real server on it, then copied by every server with the same settings.
 * Start-up on a copy still runs the migrations and the seed check, which find nothing to do.
 * An advisory lock keeps two processes from building the same template at once.
 */
async function seededTemplate(adminUrl: string, env: NodeJS.ProcessEnv, logDir: string): Promise<string | undefined> {
  const run = e2eRun()
  if (!run)
    return undefined
  const seeding = Object.keys(env).filter(k => k.startsWith('RISKMAP_DEMO') || k.startsWith('RISKMAP_ADMIN')).sort().map(k => `${k}=${env[k]}`)
  const key = createHash('sha256').update(seeding.join('\n')).digest('hex').slice(0, 10)
  const template = `${TEMPLATE_PREFIX}${run}_${key}`
  const building = `${template}_b`
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 })
  await admin.connect()
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template])
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])
    if (exists.rowCount)
      return template
    const port = await freePort()
    const buildEnv = { ...env, PORT: String(port), DATABASE_URL: await createDatabase(adminUrl, building) }
    const child = spawnServer(buildEnv, path.join(logDir, `server-${building}.log`))
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, child, path.join(logDir, `server-${building}.log`))
    }
    finally {
      await killGroup(child)
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`)
    return template
  }
  finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]).catch(() => {})
    await admin.end()
  }
}

/** Drops the templates a run built (see seededTemplate). */
export async function dropSeededTemplates(adminUrl: string, run: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${TEMPLATE_PREFIX}${run}_`])
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  })
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  }
  catch {
    return '(no server log)'
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
