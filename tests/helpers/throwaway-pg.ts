import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import pg from 'pg'
import { pgBin } from './ci.ts'
import { freePort } from './server-process.ts'

const run = promisify(execFile)

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  adminUrl: string
  /** Creates a database with PostGIS and returns its URL. */
  createDatabase: (name: string) => Promise<string>
  /** pg_ctl stop: `fast` disconnects every session, as a restart in production does. */
  stop: (mode?: 'fast' | 'immediate') => Promise<void>
  start: () => Promise<void>
  /** Stops the cluster and removes its directory. */
  destroy: () => Promise<void>
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, loopback only, trust auth),
 * for fault tests that stop and start PostgreSQL: the shared test cluster must never be restarted
 * under other tests. pg_ctl runs asynchronously so that requests in flight keep being timed.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-faults-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const { stdout: uid } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(dir, Number(uid), Number(gid))
  }
  const pgRun = (bin: string, args: string[]) => asRoot
    ? run('runuser', ['-u', 'postgres', '--', join(pgBin, bin), ...args], { timeout: 90_000 })
    : run(join(pgBin, bin), args, { timeout: 90_000 })
  const port = await freePort()
  const data = join(dir, 'data')
  await pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'])
  // Durability is pointless here; fsync=off keeps seeding and restarts fast.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  const start = async () => {
    await pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start'])
  }
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pgRun('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop'])
  }
  await start()
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  return {
    adminUrl,
    start,
    stop,
    async createDatabase(name) {
      if (!/^\w+$/.test(name))
        throw new Error(`bad database name ${name}`)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      await withClient(adminUrl, c => c.query(`CREATE DATABASE ${name}`))
      await withClient(url.toString(), c => c.query('CREATE EXTENSION postgis'))
      return url.toString()
    },
    async destroy() {
      try {
        await stop('immediate')
      }
      catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await work(client)
  }
  finally {
    await client.end().catch(() => {})
  }
}
