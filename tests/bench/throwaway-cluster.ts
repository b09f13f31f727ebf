import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PGBIN = process.env.RISKMAP_PGBIN ?? '/usr/lib/postgresql/15/bin'

/**
 * A PostgreSQL + PostGIS cluster for the benchmark when DATABASE_URL is not given: initdb in a
 * temporary folder, loopback only, removed afterwards. As root it runs as the `postgres` user.
 */
export function startThrowawayCluster(port = 55600): { url: string, stop: () => void } {
  if (!existsSync(`${PGBIN}/initdb`))
    throw new Error(`no DATABASE_URL and no PostgreSQL binaries in ${PGBIN}: install postgresql-15-postgis-3 or set DATABASE_URL`)
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-bench-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()))
  const run = (bin: string, args: string[]) => execFileSync(asRoot ? 'runuser' : `${PGBIN}/${bin}`, asRoot ? ['-u', 'postgres', '--', `${PGBIN}/${bin}`, ...args] : args, { stdio: 'pipe' })
  run('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'])
  run('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/log`, '-w', '-t', '60', 'start', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c shared_buffers=512MB -c work_mem=64MB -c maintenance_work_mem=512MB`])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', 'stop'])
      }
      finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
