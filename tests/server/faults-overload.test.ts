import type { ServerProcess } from '../helpers/server-process.ts'
import type { TestDatabase } from '../helpers/test-db.ts'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { percentile, probe, tally } from '../helpers/http-probe.ts'
import { pacedLoad } from '../helpers/paced-load.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { serveTestDatabase, sleep } from '../helpers/server-process.ts'
import { openTestDatabase } from '../helpers/test-db.ts'

/** The sustainable rate per user; the per-IP limit is four times this (app.ts). */
const RATE = 20
const USERS_SHARING_AN_IP = 10
const paths = [
  '/api/choropleth?level=township&parent=500104&period=2026-01',
  '/api/choropleth?level=district&parent=220800&period=2026-01&compare=yoy',
  '/api/regions?level=district',
]

describe('fault: four times the sustainable request rate', () => {
  let t: TestDatabase
  let server: ServerProcess
  const tokens: string[] = []

  beforeAll(async () => {
    t = await openTestDatabase(inject('dbTemplate'))
    for (let u = 0; u <= USERS_SHARING_AN_IP; u++)
      tokens.push((await createPrincipal(t.db, { username: `load-${u}`, role: 'analyst', scope: '*' })).token)
    server = await serveTestDatabase(t, { RISKMAP_RATE_PER_SECOND: String(RATE), RISKMAP_RATE_BURST: String(RATE) }, `overload-${t.db.kind}`)
  })

  afterAll(async () => {
    await server?.stop()
    await t?.close()
  })

  it(`one principal at ${RATE * 4}/s for 10 s: only 200, 429 or 503, p99 under 2 s, and the server stays up`, async () => {
    const headers = { authorization: `Bearer ${tokens[0]}` }
    const probes = await pacedLoad({ baseUrl: server.url, rate: RATE * 4, durationMs: 10_000, maxInFlight: 16, request: i => ({ path: paths[i % paths.length]!, headers }) })
    const summary = JSON.stringify(tally(probes))
    const p99 = percentile(probes.map(p => p.ms), 0.99)
    console.info(`[faults] overload (${t.db.kind}): ${probes.length} requests ${summary}; p50 ${percentile(probes.map(p => p.ms), 0.5)} ms, p99 ${p99} ms`)

    expect(probes.filter(p => ![200, 429, 503].includes(p.status)).length, summary).toBe(0)
    for (const p of probes.filter(p => p.status !== 200)) {
      expect(p.code).toBe(p.status === 429 ? 'rate_limited' : 'unavailable')
      expect(Number(p.retryAfter)).toBeGreaterThan(0)
    }
    // The bucket admits its burst and then RATE per second: about a quarter of the requests.
    const ok = probes.filter(p => p.status === 200).length
    expect(ok, summary).toBeGreaterThan(RATE * 10 * 0.6)
    expect(ok, summary).toBeLessThan(RATE + RATE * 10 * 1.4)
    expect(p99).toBeLessThan(2_000)

    expect(server.alive()).toBe(true)
    // The IP bucket may be empty right now; honour Retry-After like a probe would.
    let health = await probe(server.url, '/api/health', {})
    for (let i = 0; i < 5 && health.status === 429; i++) {
      await sleep(Number(health.retryAfter) * 1000)
      health = await probe(server.url, '/api/health', {})
    }
    expect(health.status).toBe(200)
  })

  it(`${USERS_SHARING_AN_IP} principals from one IP, each under its own limit, together over the per-IP limit get 429`, async () => {
    await sleep(2_000)
    const each = RATE * 0.75
    const users = tokens.slice(1)
    const probes = await pacedLoad({
      baseUrl: server.url,
      rate: each * users.length,
      durationMs: 4_000,
      maxInFlight: 32,
      request: i => ({ path: paths[i % paths.length]!, headers: { authorization: `Bearer ${users[i % users.length]}` } }),
    })
    const summary = JSON.stringify(tally(probes))
    expect(probes.filter(p => ![200, 429, 503].includes(p.status)).length, summary).toBe(0)
    // No user exceeded RATE, so every 429 here is the per-IP limit at 4 × RATE.
    const limited = probes.filter(p => p.status === 429)
    expect(limited.length, summary).toBeGreaterThan(0)
    expect(limited.every(p => p.code === 'rate_limited' && Number(p.retryAfter) > 0)).toBe(true)
    // And the IP limit holds: its burst plus 4 × RATE per second over the time the load really took.
    const seconds = (Math.max(...probes.map(p => p.startedAt)) - Math.min(...probes.map(p => p.startedAt))) / 1000
    const ok = probes.filter(p => p.status === 200).length
    console.info(`[faults] per-IP limit (${t.db.kind}): ${probes.length} requests in ${seconds.toFixed(1)} s ${summary}`)
    expect(ok, summary).toBeLessThanOrEqual(Math.ceil(RATE * 4 * (1 + seconds * 1.1)))
    expect(server.alive()).toBe(true)
  })
})
