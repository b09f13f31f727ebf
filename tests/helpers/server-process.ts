import type { ChildProcess } from 'node:child_process'
import type { TestDatabase } from './test-db.ts'
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx')
const logDir = path.join(repoRoot, 'tests', 'artifacts', 'logs')

export interface ServerProcess {
  url: string
  logFile: string
  /** True while the server process (not just tsx) is running. */
  alive: () => boolean
  stop: () => Promise<void>
}

/**
 * A child process of `tsx server/src/cli.ts|main.ts` in its own process group: tsx runs the
 * script in a grandchild, so signals go to the whole group or the grandchild survives.
 */
export function spawnGroup(script: 'main.ts' | 'cli.ts', args: string[], env: Record<string, string>, logName: string): { child: ChildProcess, logFile: string, kill: (signal?: NodeJS.Signals) => Promise<void> } {
  mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, `${logName}.log`)
  const log = createWriteStream(logFile)
  const clean: NodeJS.ProcessEnv = { ...process.env }
  delete clean.DATABASE_URL
  delete clean.RISKMAP_DATA_DIR
  const child = spawn(tsx, [path.join(repoRoot, 'server', 'src', script), ...args], {
    cwd: path.join(repoRoot, 'server'),
    env: { ...clean, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(log, { end: false })
  child.stderr!.pipe(log, { end: false })
  child.on('close', (code, signal) => log.end(`\n--- exit code=${code} signal=${signal}\n`))
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null)
      return
    try {
      process.kill(-child.pid!, signal)
    }
    catch {
      return
    }
    const late = await Promise.race([exited.then(() => false), sleep(15_000).then(() => true)])
    if (late) {
      process.kill(-child.pid!, 'SIGKILL')
      await exited
    }
    // tsx exits before its grandchild is gone and reaped; wait for the whole group (bounded).
    for (let i = 0; i < 100 && groupExists(child.pid!); i++)
      await sleep(100)
  }
  return { child, logFile, kill }
}

function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  }
  catch {
    return false
  }
}

/** Starts the real server on a free loopback port with the given environment and waits for /api/health. */
export async function startServerProcess(env: Record<string, string>, name: string, healthTimeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { child, logFile, kill } = spawnGroup('main.ts', [], {
    PORT: String(port),
    HOST: '127.0.0.1',
    RISKMAP_DEMO: '0',
    RISKMAP_WEB_DIST: path.join(repoRoot, 'web', 'dist'),
    ...env,
  }, `server-${name}-${process.pid}`)
  const alive = () => child.exitCode === null && child.signalCode === null
  const deadline = Date.now() + healthTimeoutMs
  for (;;) {
    if (!alive())
      throw new Error(`server exited before it was healthy\n${tail(logFile)}`)
    const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(r => r.status, () => 0)
    if (status === 200)
      break
    if (Date.now() > deadline) {
      await kill()
      throw new Error(`server not healthy within ${healthTimeoutMs / 1000} s\n${tail(logFile)}`)
    }
    await sleep(250)
  }
  return { url, logFile, alive, stop: () => kill('SIGTERM') }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')))
    })
  })
}

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  }
  catch {
    return '(no log)'
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/**
 * Runs the server process on a test database. The embedded database admits one process, so this
 * process closes it until `stop()`, which stops the server and reopens it here.
 */
export async function serveTestDatabase(t: TestDatabase, env: Record<string, string>, name: string): Promise<ServerProcess> {
  let release!: () => void
  let closed!: Promise<void>
  const server = await new Promise<ServerProcess>((resolve, reject) => {
    closed = t.whileClosed(async () => {
      try {
        resolve(await startServerProcess({ ...t.env, ...env }, name))
      }
      catch (err) {
        reject(err)
        return
      }
      await new Promise<void>((r) => {
        release = r
      })
    })
  })
  return {
    ...server,
    async stop() {
      await server.stop()
      release()
      await closed
    },
  }
}
