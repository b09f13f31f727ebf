import type { Probe } from '../helpers/http-probe.ts'
import type { ServerProcess } from '../helpers/server-process.ts'
import type { ThrowawayCluster } from '../helpers/throwaway-pg.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfPgBinaries } from '../helpers/ci.ts'
import { probe, tally } from '../helpers/http-probe.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { sleep, startServerProcess } from '../helpers/server-process.ts'
import { startThrowawayCluster, withClient } from '../helpers/throwaway-pg.ts'

const WORKERS = 6
const REQUEST_DEADLINE_MS = 10_000
const OUTAGE_MS = 2_000
/** How long after PostgreSQL is back the server may take to answer 200 again. */
const RECOVERY_MS = 15_000
const paths = [
  '/api/choropleth?level=township&parent=500104&period=2026-01',
  '/api/choropleth?level=district&parent=220800&period=2026-01&compare=mom',
  '/api/regions?level=township&parent=220802',
  '/api/regions?level=district',
]

describeIfPgBinaries('fault: PostgreSQL restarted while requests are running', () => {
  let cluster: ThrowawayCluster
  let server: ServerProcess
  let headers: Record<string, string>

  beforeAll(async () => {
    cluster = await startThrowawayCluster()
    const url = await cluster.createDatabase('riskmap_faults')
    server = await startServerProcess({ DATABASE_URL: url, RISKMAP_ADMIN_PASSWORD: 'fault-admin-password', RISKMAP_RATE_PER_SECOND: '100000', RISKMAP_RATE_BURST: '1000000' }, 'db-restart')
    const { token } = await withClient(url, c => createPrincipal({ query: async (sql, params) => (await c.query(sql, params)).rows }, { username: 'fault-analyst', role: 'analyst', scope: '*' }))
    headers = { authorization: `Bearer ${token}` }
  })

  afterAll(async () => {
    await server?.stop()
    await cluster?.destroy()
  })

  it('answers 503 unavailable with Retry-After during the outage, then 200 again without a server restart', async () => {
    const probes: Array<Probe & { phase: 'before' | 'outage' | 'after' }> = []
    let phase: 'before' | 'outage' | 'after' = 'before'
    const workersRun = { stop: false }
    const worker = async (w: number) => {
      for (let i = w; !workersRun.stop; i++) {
        const p = await probe(server.url, paths[i % paths.length]!, headers, REQUEST_DEADLINE_MS)
        probes.push({ ...p, phase })
        await sleep(25)
      }
    }
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w))

    await sleep(1_500)
    phase = 'outage'
    await cluster.stop('fast')
    await sleep(OUTAGE_MS)
    await cluster.start()
    const backAt = Date.now()
    phase = 'after'
    // Run until every worker has had several 200s in a row after the restart, or the bound passes.
    while (Date.now() - backAt < RECOVERY_MS) {
      const recent = probes.filter(p => p.startedAt >= backAt).slice(-WORKERS * 5)
      if (recent.length === WORKERS * 5 && recent.every(p => p.status === 200))
        break
      await sleep(200)
    }
    workersRun.stop = true
    await Promise.all(workers)

    const summary = JSON.stringify({ before: tally(probes.filter(p => p.phase === 'before')), outage: tally(probes.filter(p => p.phase === 'outage')), after: tally(probes.filter(p => p.phase === 'after')) })
    expect(probes.filter(p => p.phase === 'before').every(p => p.status === 200), summary).toBe(true)
    // Never a 500, a dropped connection or a hang: only 200 or a well-formed 503.
    expect(probes.filter(p => p.status !== 200 && p.status !== 503).length, summary).toBe(0)
    expect(Math.max(...probes.map(p => p.ms)), summary).toBeLessThan(REQUEST_DEADLINE_MS)
    const unavailable = probes.filter(p => p.status === 503)
    expect(unavailable.length, summary).toBeGreaterThan(0)
    for (const p of unavailable) {
      expect(p.code).toBe('unavailable')
      expect(Number(p.retryAfter)).toBeGreaterThan(0)
    }
    const recovered = probes.filter(p => p.startedAt >= backAt)
    const firstOk = recovered.find(p => p.status === 200)
    expect(firstOk, summary).toBeDefined()
    expect(firstOk!.startedAt - backAt).toBeLessThan(RECOVERY_MS)
    expect(recovered.slice(-WORKERS * 5).every(p => p.status === 200), summary).toBe(true)
    expect(server.alive()).toBe(true)
    console.info(`[faults] db restart: ${summary}; first 200 ${firstOk!.startedAt - backAt} ms after PostgreSQL was back`)
  })
})
