import type { createApp } from '@riskmap/server/app.ts'
import type { Deps } from '@riskmap/server/http/env.ts'
import type { AddressInfo } from 'node:net'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { noJitSql, tileMvtSql } from '@riskmap/server/queries/tiles.ts'
import { percentiles } from './stats.ts'

const PGBENCH = process.env.RISKMAP_PGBENCH ?? (existsSync('/usr/bin/pgbench') ? '/usr/bin/pgbench' : '/usr/lib/postgresql/15/bin/pgbench')
const SECONDS = Number(process.env.RISKMAP_BENCH_TILE_SECONDS ?? 15)
const CONCURRENCY = 4
const ZOOMS = [8, 9, 10, 11, 12, 13, 14, 15, 16]

export interface Tile { z: number, x: number, y: number }
export interface TileBench {
  tiles: Tile[]
  period: string
  scope: string
  apiLatency: ReturnType<typeof percentiles>
  apiTilesPerSecond: number
  apiBytes: { mean: number, max: number }
  pgbenchLatency: ReturnType<typeof percentiles>
  pgbenchTilesPerSecond: number
  pgbenchScript: string
}

/** The tile at zoom z that holds a WGS84 point (standard Web Mercator tiling). */
function tileOf(lon: number, lat: number, z: number): Tile {
  const n = 2 ** z
  const y = (1 - Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)) / Math.PI) / 2
  return { z, x: Math.floor((lon + 180) / 360 * n), y: Math.floor(y * n) }
}

/**
 * Event tile latency through the HTTP API (a real node server on a loopback port, a city-scoped
 * analyst's bearer token) beside pgbench running the identical tile SQL in the same scoped READ
 * ONLY transaction, over the same fixed z8–z16 tiles, one after the other in the same run.
 */
export async function benchTiles(deps: Deps, app: ReturnType<typeof createApp>, url: string, token: string, scope: string, period: string, log: (m: string) => void): Promise<TileBench> {
  // Three fixed places (events at fixed ranks of the seeded data in the scope), every zoom.
  const places = await deps.db.query<{ lon: number, lat: number }>(`
    SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM (
      SELECT geom, row_number() OVER (ORDER BY id) AS n FROM event
      WHERE township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $1)) s
    WHERE n IN (1, 50001, 100001) ORDER BY n`, [scope])
  const tiles = ZOOMS.flatMap(z => places.map(p => tileOf(p.lon, p.lat, z)))

  log(`tiles: API over HTTP, ${tiles.length} tiles z8–z16`)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise(resolve => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/tiles/events`
  const headers = { authorization: `Bearer ${token}` }
  const fetchTile = async (t: Tile) => {
    const res = await fetch(`${base}/${t.z}/${t.x}/${t.y}.mvt?period=${period}`, { headers })
    if (res.status !== 200)
      throw new Error(`tile ${t.z}/${t.x}/${t.y} answered ${res.status}`)
    return (await res.arrayBuffer()).byteLength
  }
  const sizes: number[] = []
  for (const t of tiles) {
    const t0 = performance.now()
    sizes.push(await fetchTile(t))
    log(`  ${t.z}/${t.x}/${t.y}: ${(sizes.at(-1)! / 1024).toFixed(1)} KB, ${(performance.now() - t0).toFixed(1)} ms`)
  }
  const latencies: number[] = []
  for (let round = 0; round < 20; round++) {
    for (const t of tiles) {
      const t0 = performance.now()
      await fetchTile(t)
      latencies.push(performance.now() - t0)
    }
  }
  let done = 0
  const until = performance.now() + SECONDS * 1000
  const start = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
    for (let i = w; performance.now() < until; i += CONCURRENCY) {
      await fetchTile(tiles[i % tiles.length]!)
      done++
    }
  }))
  const apiTilesPerSecond = done / ((performance.now() - start) / 1000)
  await new Promise(resolve => server.close(resolve))

  log('tiles: pgbench on the identical SQL')
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-pgbench-'))
  try {
    const script = pgbenchScript(tiles, deps.catalog.leaves('all'), period, scope)
    writeFileSync(join(dir, 'tiles.sql'), script)
    const run = (args: string[]) => execFileSync(PGBENCH, ['-n', '-M', 'simple', '-f', 'tiles.sql', ...args, url], { cwd: dir, stdio: 'pipe' }).toString()
    run(['-c', '1', '-j', '1', '-T', String(SECONDS), '-l'])
    const logFile = readdirSync(dir).find(f => f.startsWith('pgbench_log'))!
    // Per-transaction log: client, transaction, latency in µs, script, epoch s, µs.
    const pgLatencies = readFileSync(join(dir, logFile), 'utf8').trim().split('\n').map(l => Number(l.split(' ')[2]) / 1000)
    const out = run(['-c', String(CONCURRENCY), '-j', '2', '-T', String(SECONDS)])
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1])
    return {
      tiles,
      period,
      scope,
      apiLatency: percentiles(latencies),
      apiTilesPerSecond,
      apiBytes: { mean: sizes.reduce((a, b) => a + b, 0) / sizes.length, max: Math.max(...sizes) },
      pgbenchLatency: percentiles(pgLatencies),
      pgbenchTilesPerSecond: tps,
      pgbenchScript: script,
    }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A pgbench script that picks one of the tiles at random and runs the tile SQL exactly as the API
 * does: the scoped READ ONLY transaction (one compound statement, as Database.scoped sends it),
 * SET LOCAL jit = off, the ST_AsMVT query with the same parameter values, and COMMIT.
 */
function pgbenchScript(tiles: Tile[], leaves: string[], period: string, scope: string): string {
  const pick = (k: keyof Tile) => `CASE ${tiles.map((t, i) => `WHEN :i = ${i} THEN ${t[k]}`).join(' ')} END`
  const sql = tileMvtSql
    .replaceAll('$1', ':z')
    .replaceAll('$2', ':x')
    .replaceAll('$3', ':y')
    .replaceAll('$4', `'{${leaves.join(',')}}'`)
    .replaceAll('$5', `'${period}-01'`)
    .replaceAll('$6', `'${period}-01'`)
  return [
    `\\set i random(0, ${tiles.length - 1})`,
    `\\set z ${pick('z')}`,
    `\\set x ${pick('x')}`,
    `\\set y ${pick('y')}`,
    `BEGIN READ ONLY \\; SET LOCAL ROLE riskmap_app \\; SELECT set_config('riskmap.scope', '${scope}', true);`,
    `${noJitSql};`,
    `${sql.replace(/\s*\n\s*/g, ' ').trim()};`,
    'COMMIT;',
    '',
  ].join('\n')
}
