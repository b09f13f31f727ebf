import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface EmbeddedPostgis {
  connectionString: string
  stop: () => Promise<void>
}

/**
 * Starts PGlite with PostGIS, persisted on disk, and exposes it on a loopback port so that the
 * rest of the server talks to it through `pg` exactly as it talks to a real PostgreSQL server.
 */
export async function startEmbeddedPostgis(dataDir: string): Promise<EmbeddedPostgis> {
  const pgdata = join(dataDir, 'pgdata')
  mkdirSync(pgdata, { recursive: true })
  const lock = takeLock(join(dataDir, 'riskmap.lock'))
  const db = await PGlite.create({ dataDir: pgdata, extensions: { postgis } })
  // PGlite is one backend session: the socket server queues queries from all connections and
  // keeps a transaction on the connection that opened it.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 })
  await server.start()
  return {
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop()
      await db.close()
      lock.release()
    },
  }
}

/**
 * PGlite is a single-process database: two processes opening one data directory corrupt it.
 * A pid lock file turns that into a clear error (for example the CLI while the server runs).
 */
function takeLock(path: string): { release: () => void } {
  try {
    const pid = Number(readFileSync(path, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid))
      throw new Error(`the embedded database in ${path.replace(/riskmap\.lock$/, '')} is in use by process ${pid}; stop it first, or import through the running server (POST /api/import/...)`)
  }
  catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw err
  }
  writeFileSync(path, String(process.pid))
  return { release: () => rmSync(path, { force: true }) }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
