import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
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
  stop: () => Promise<void>
  /** Stop and start again on the same port, data directory and database (persistence checks). */
  restart: () => Promise<void>
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
  const databaseUrl = adminUrl ? await createDatabase(adminUrl, name) : undefined

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
  if (databaseUrl)
    env.DATABASE_URL = databaseUrl

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
    restart: async () => {
      await halt()
      await launch()
    },
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

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  // `name` is built from digits only above; identifiers cannot be bound as parameters.
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${name}`)
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
