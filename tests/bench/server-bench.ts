import type { Deps } from '@riskmap/server/http/env.ts'
import type { TileBench } from './tile-bench.ts'
import { generateBenchEvents } from '@riskmap/geodata/demo/index.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { createApp } from '@riskmap/server/app.ts'
import { catalog as catalogDefinition } from '@riskmap/server/catalog/indicator-catalog.ts'
import { loadConfig } from '@riskmap/server/config.ts'
import { importEventsCsv } from '@riskmap/server/import/events-import.ts'
import { choroplethRows } from '@riskmap/server/queries/choropleth.ts'
import { prepare } from '@riskmap/server/startup.ts'
import pg from 'pg'
import { createPrincipal } from '../helpers/principals.ts'
import { percentiles, sample, timeIt } from './stats.ts'
import { benchTiles } from './tile-bench.ts'

export const BENCH_EVENTS = Number(process.env.RISKMAP_BENCH_EVENTS ?? 1_000_000)
export const BENCH_END_MONTH = '2026-06'
const BENCH_SEED = 'riskmap-bench-v1'

export interface ServerBench {
  postgres: string
  events: number
  csvMB: number
  generateMs: number
  importMs: number
  phases: Record<string, number>
  choroplethApi: ReturnType<typeof percentiles>
  choroplethSql: ReturnType<typeof percentiles>
  choroplethScopedSql: ReturnType<typeof percentiles>
  choroplethAllTownshipsApi: ReturnType<typeof percentiles>
  tiles: TileBench
}

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  return u.toString()
}

export async function benchServer(adminUrl: string, log: (m: string) => void): Promise<ServerBench> {
  const url = await freshDatabase(adminUrl, 'riskmap_bench')
  const deps: Deps & { db: { close: () => Promise<void> } } = await prepare({ ...loadConfig({}), demo: false, databaseUrl: url, statementTimeoutMs: 600_000 })
  const { db } = deps
  const version = (await db.query<{ v: string }>(`SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() AS v`))[0]!.v

  log(`generating ${BENCH_EVENTS.toLocaleString('en')} events (seed ${BENCH_SEED})`)
  const regions = loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry }))
  const gen = await timeIt(async () => {
    const lines = ['id,indicator,occurred_at,lon,lat']
    for (const e of generateBenchEvents({ regions, catalog: catalogDefinition, endMonth: BENCH_END_MONTH, total: BENCH_EVENTS, seed: BENCH_SEED }))
      lines.push(`${e.id},${e.indicator},${e.occurredAt},${e.lon},${e.lat}`)
    return new TextEncoder().encode(lines.join('\n'))
  })
  const bytes = gen.value

  log('importing')
  const t0 = performance.now()
  const phases: Record<string, number> = {}
  const imp = await timeIt(() => importEventsCsv(db.transaction, deps.catalog, bytes, 'wgs84', {
    actor: 'bench',
    scope: '*',
    requestId: null,
    source: 'bench',
    filename: 'bench.csv',
    onProgress(phase) { phases[phase] = performance.now() - t0 },
  }))
  if (imp.value.inserted !== BENCH_EVENTS)
    throw new Error(`imported ${imp.value.inserted}, expected ${BENCH_EVENTS}`)
  await db.query('ANALYZE')

  log('measuring choropleth latency')
  // As an analyst scoped to the city, through authentication and row-level security, as in use.
  const { token } = await createPrincipal(db, { username: 'bench-analyst', role: 'analyst', scope: '220800' })
  const headers = { authorization: `Bearer ${token}` }
  const app = createApp(deps, { publicRead: false, ratePerSecond: 1e5, rateBurst: 1e6, sessionHours: 1 })
  const path = `/api/choropleth?level=township&parent=220802&indicator=all&period=${BENCH_END_MONTH}`
  const api = await sample(500, async () => {
    const res = await app.request(path, { headers })
    if (res.status !== 200)
      throw new Error(`choropleth answered ${res.status}`)
    await res.json()
  })
  const leaves = deps.catalog.leaves('all')
  const query = { level: 'township' as const, parent: '220802', leaves, current: { from: BENCH_END_MONTH, to: BENCH_END_MONTH }, previous: null }
  const sql = await sample(500, () => choroplethRows(deps.db, query))
  // The same query as the API runs it: in a READ ONLY transaction as riskmap_app, under the
  // analyst's scope, so row-level security is included.
  const scopedSql = await sample(500, () => deps.db.scoped('220800', 'read', s => choroplethRows(s, query)))
  const all = await sample(200, async () => (await app.request(`/api/choropleth?level=township&indicator=all&period=${BENCH_END_MONTH}&compare=yoy`, { headers })).json())
  const tiles = await benchTiles(deps, app, url, token, '220800', BENCH_END_MONTH, log)
  await db.close()
  return {
    postgres: version,
    events: BENCH_EVENTS,
    csvMB: bytes.length / 2 ** 20,
    generateMs: gen.ms,
    importMs: imp.ms,
    phases,
    choroplethApi: percentiles(api),
    choroplethSql: percentiles(sql),
    choroplethScopedSql: percentiles(scopedSql),
    choroplethAllTownshipsApi: percentiles(all),
    tiles,
  }
}
