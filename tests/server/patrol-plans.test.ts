import type { LonLat } from '../helpers/listed-fixture.ts'
import { onDutyAt, parseDutyWindows } from '@riskmap/server/analysis/duty-windows.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { call } from '../helpers/http-client.ts'
import { haversine, offset, square } from '../helpers/listed-fixture.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

/**
 * Patrol planning through the endpoints, against a fixture whose best posts are known: clusters of
 * events around five candidate cells of one township, far apart, so that each event lies within
 * the 3-minute reach (250 m on foot) of exactly one candidate. Cluster D is already covered by a
 * unit on duty around the clock; cluster E has a unit nearby that is off duty at the events' times.
 * Every number is checked against an independent count in the test (haversine and onDutyAt).
 */
const ctx = useTestApp()
const T = regions.township
const RADIUS = 250 // 3 minutes at 5 km/h
const PERIOD = { months: 1, to: '2025-06' }

interface Cand extends LonLat { cell: string, gain: number }
interface Unit extends LonLat { duty: Array<{ days?: number[], start: string, end: string }> }
interface Ev extends LonLat { township: string, district: string, at: number, month: string }

const sizes = { A: 9, B: 6, C: 4, D: 12, E: 5 } as const
type Cluster = keyof typeof sizes
const clusters = {} as Record<Cluster, Cand>
let candidates: Cand[]
let events: Ev[]
const units: Unit[] = []

function api(method: string, path: string, body?: unknown) {
  return call(ctx.app, method, path, { auth: { bearer: ctx.adminToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
}

async function solve(body: Record<string, unknown>) {
  const res = await api('POST', '/api/patrol-plans/solve', { ...PERIOD, ...body })
  expect(res.status, res.text).toBe(200)
  return res.body
}

async function addUnit(u: Unit) {
  const res = await api('POST', '/api/response-units', { name: `post ${units.length}`, type: 'security_post', duty: u.duty, geometry: { type: 'Point', coordinates: [u.lon, u.lat] } })
  expect(res.status, res.text).toBe(201)
  units.push(u)
}

function onDuty(u: Unit, at: number): boolean {
  const parsed = parseDutyWindows(u.duty)
  if (!parsed.ok)
    throw new Error(parsed.message)
  return u.duty.length === 0 || onDutyAt(parsed.windows, at)
}

/** The independent count: the events of the period in the given townships, covered today, and with posts. */
function count(inRegion: (e: Ev) => boolean, posts: LonLat[]) {
  const list = events.filter(e => e.month === PERIOD.to && inRegion(e))
  const today = list.filter(e => units.some(u => onDuty(u, e.at) && haversine(u, e) <= RADIUS))
  const withPosts = list.filter(e => today.includes(e) || posts.some(p => haversine(p, e) <= RADIUS))
  return { list, events: list.length, today: today.length, withPosts: withPosts.length }
}

beforeAll(async () => {
  // Before any event is loaded: the candidates, each with no gain.
  const empty = await solve({ region: T, k: 3, cellSize: 500 })
  expect(empty).toMatchObject({ events: 0, coveredBefore: 0, coveredAfter: 0, posts: [], route: null })
  candidates = empty.candidates.features
  // Five candidates with 300 m of the township around them, at least 2 km from each other.
  const chosen: Cand[] = []
  for (const c of candidates) {
    if (chosen.length === 5)
      break
    if (chosen.some(o => haversine(o, c) < 2000))
      continue
    const [row] = await ctx.t.db.query<{ ok: boolean }>('SELECT ST_CoveredBy(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), geom) AS ok FROM region WHERE code = $2', [JSON.stringify(square(c, 300)), T])
    if (row?.ok)
      chosen.push(c)
  }
  expect(chosen).toHaveLength(5)
  ;(['A', 'B', 'C', 'D', 'E'] as const).forEach((k, i) => {
    clusters[k] = chosen[i]!
  })

  // 2025-06-21 is a Saturday. Cluster events lie 30–184 m from their candidate.
  const rows: string[] = []
  for (const k of Object.keys(sizes) as Cluster[]) {
    for (let i = 0; i < sizes[k]; i++) {
      const p = offset(clusters[k], 30 + 14 * i, i * 40)
      rows.push(`${k}-${i},A2-03,2025-06-21 10:${String(i).padStart(2, '0')},${p.lon},${p.lat}`)
    }
  }
  // Outside the period (May), and in the sibling township (outside a township plan's region).
  pointsIn(T, 6).forEach((p, i) => rows.push(`may-${i},A2-03,2025-05-20 10:00,${p.lon},${p.lat}`))
  pointsIn(regions.sibling, 7).forEach((p, i) => rows.push(`sib-${i},A2-03,2025-06-10 10:00,${p.lon},${p.lat}`))
  const imported = await ctx.post('/api/import/events?source=plans', ['id,indicator,occurred_at,lon,lat', ...rows].join('\n'))
  expect(imported.status, JSON.stringify(imported.body)).toBe(201)
  events = await ctx.t.db.query<Ev>(`
    SELECT ST_X(e.geom) AS lon, ST_Y(e.geom) AS lat, e.township, r.parent AS district,
      (extract(epoch FROM e.occurred_at) * 1000)::float8 AS at, to_char(e.month, 'YYYY-MM') AS month
    FROM event e JOIN region r ON r.code = e.township WHERE e.source = 'plans'`)
  expect(events).toHaveLength(rows.length)

  await addUnit({ ...offset(clusters.D, 20, 0), duty: [] })
  await addUnit({ ...offset(clusters.E, 20, 0), duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }] })
})

describe('pOST /api/patrol-plans/solve', () => {
  it('candidates are the centres of the hexagons inside the region, as PostGIS lays them out', async () => {
    const [row] = await ctx.t.db.query<{ n: number }>(`
      SELECT count(*)::int AS n
      FROM region r, LATERAL ST_HexagonGrid(500, ST_Transform(r.geom, region_srid(r.code))) h
      WHERE r.code = $1 AND ST_Intersects(r.geom, ST_Transform(ST_Centroid(h.geom), 4326))`, [T])
    expect(candidates.length).toBe(row!.n)
    expect(new Set(candidates.map(c => c.cell)).size).toBe(candidates.length)
    expect(candidates.every(c => c.gain === 0)).toBe(true)
  })

  it('chooses the known best posts in pick order with their marginal gains', async () => {
    // Each event is within reach of exactly one candidate, so the best k posts are the k largest
    // clusters not covered today: A (9), B (6) and E (5, its unit is off duty on Saturdays). D (12)
    // is covered by a unit on duty around the clock and weighs nothing.
    for (const c of Object.values(clusters)) {
      for (const e of events.filter(e => e.month === PERIOD.to && haversine(e, c) < 200)) {
        for (const o of candidates)
          expect(Math.abs(haversine(o, e) - RADIUS) / RADIUS, 'keep clear of the reach edge').toBeGreaterThan(0.01)
        expect(candidates.filter(o => haversine(o, e) <= RADIUS)).toHaveLength(1)
      }
    }
    const body = await solve({ region: T, k: 3, cellSize: 500 })
    expect(body.params).toMatchObject({ k: 3, months: 1, from: '2025-06', to: '2025-06', minutes: 3, mode: 'walk', kmh: 5, radiusM: 250, cellSize: 500 })
    expect(body.posts.map((p: any) => [p.cell, p.gain])).toEqual([[clusters.A.cell, 9], [clusters.B.cell, 6], [clusters.E.cell, 5]])
    expect(body.posts.map((p: any) => p.rank)).toEqual([1, 2, 3])
    expect(body.method.objective).toMatch(/not yet covered/)

    const want = count(e => e.township === T, [])
    expect(body.events).toBe(want.events)
    expect(body.coveredBefore).toBe(want.today)
    expect(want.today).toBe(sizes.D)
    const after = count(e => e.township === T, body.posts)
    expect(body.coveredAfter).toBe(after.withPosts)
    // The gains add up to the coverage increase, and each post's cumulative total follows.
    expect(body.posts.reduce((n: number, p: any) => n + p.gain, 0)).toBe(body.coveredAfter - body.coveredBefore)
    let running = body.coveredBefore
    for (const p of body.posts) {
      running += p.gain
      expect(p.coveredAfter).toBe(running)
    }
    expect(body.shareAfter).toBe(Math.round((after.withPosts / after.events) * 10_000) / 10_000)
    // The first-round gain of every candidate is the uncovered events within its reach.
    const uncovered = want.list.filter(e => !units.some(u => onDuty(u, e.at) && haversine(u, e) <= RADIUS))
    for (const c of body.candidates.features)
      expect(c.gain, c.cell).toBe(uncovered.filter(e => haversine(c, e) <= RADIUS).length)
  })

  it('equals the brute-force optimum over every set of k candidates', async () => {
    const uncovered = count(e => e.township === T, []).list.filter(e => !units.some(u => onDuty(u, e.at) && haversine(u, e) <= RADIUS))
    const useful = candidates.map(c => new Set(uncovered.filter(e => haversine(c, e) <= RADIUS))).map((s, i) => ({ i, s })).filter(x => x.s.size)
    for (const k of [1, 2, 3, 4]) {
      let best = 0
      const pick = (from: number, left: number, got: Set<Ev>) => {
        best = Math.max(best, got.size)
        if (!left)
          return
        for (let j = from; j < useful.length; j++)
          pick(j + 1, left - 1, new Set([...got, ...useful[j]!.s]))
      }
      pick(0, k, new Set())
      const body = await solve({ region: T, k, cellSize: 500 })
      expect(body.coveredAfter - body.coveredBefore, `k=${k}`).toBe(best)
    }
  })

  it('stops when no candidate adds anything, and puts a route through the posts', async () => {
    const body = await solve({ region: T, k: 10, cellSize: 500 })
    expect(body.posts.map((p: any) => p.cell)).toEqual([clusters.A, clusters.B, clusters.E, clusters.C].map(c => c.cell))
    const r = body.route
    expect(r.order[0]).toBe(0)
    expect([...r.order].sort()).toEqual([0, 1, 2, 3])
    // Independent: the shortest open path from the first post over every order of the others.
    const pts: LonLat[] = body.posts
    const perms = (xs: number[]): number[][] => xs.length ? xs.flatMap(x => perms(xs.filter(y => y !== x)).map(p => [x, ...p])) : [[]]
    const len = (o: number[]) => o.slice(1).reduce((n, j, i) => n + haversine(pts[o[i]!]!, pts[j]!), 0)
    const best = Math.min(...perms([1, 2, 3]).map(p => len([0, ...p])))
    expect(r.lengthMetres).toBeCloseTo(len(r.order), 0)
    expect(r.lengthMetres).toBeCloseTo(best, 0)
    expect(r.walk).toEqual({ kmh: 5, minutes: Math.round(r.lengthMetres / (5000 / 60) * 10) / 10 })
    expect(r.vehicle.minutes).toBe(Math.round(r.lengthMetres / (30000 / 60) * 10) / 10)
    expect(r.line.geometry.coordinates).toEqual(r.order.map((i: number) => [pts[i]!.lon, pts[i]!.lat]))
  })

  it('counts only the region\'s events and the period\'s months', async () => {
    const body = await solve({ region: regions.district, k: 3, cellSize: 500, indicator: 'A2' })
    expect(body.events).toBe(count(e => e.district === regions.district, []).events)
    expect(body.events).toBe(Object.values(sizes).reduce((a, b) => a + b, 0) + 7)
    const none = await solve({ region: T, k: 3, cellSize: 500, to: '2025-04' })
    expect(none.events).toBe(0)
    expect((await solve({ region: T, k: 3, cellSize: 500, months: 2 })).events).toBe(count(e => e.township === T, []).events + 6)
  })

  it('refuses bad input and too much work with a clear 4xx', async () => {
    const bad: Array<[unknown, number, string]> = [
      [{ region: T, k: 0 }, 400, 'invalid_parameter'],
      [{ region: T, k: 21 }, 400, 'invalid_parameter'],
      [{ region: T, k: 2.5 }, 400, 'invalid_parameter'],
      [{ region: T, k: 3, minutes: 2 }, 400, 'invalid_parameter'],
      [{ region: T, k: 3, cellSize: 1000 }, 400, 'invalid_parameter'],
      [{ region: T, k: 3, months: 37 }, 400, 'invalid_parameter'],
      [{ region: T, k: 3, to: '2025-13' }, 400, 'invalid_parameter'],
      [{ region: '12', k: 3 }, 400, 'invalid_parameter'],
      [{ region: T, k: 3, extra: 1 }, 400, 'invalid_parameter'],
      [{ region: regions.city, k: 3 }, 400, 'invalid_parameter'],
      [{ region: '999999', k: 3 }, 404, 'unknown_region'],
      [{ region: T, k: 3, indicator: 'Z9-99' }, 404, 'unknown_indicator'],
      // 洮北区 (2,565 km²) in 250 m cells: some 16,000 candidates.
      [{ region: regions.district, k: 3, cellSize: 250 }, 400, 'too_much_work'],
    ]
    for (const [body, status, code] of bad) {
      const res = await api('POST', '/api/patrol-plans/solve', body)
      expect([res.status, res.body?.error?.code], JSON.stringify(body)).toEqual([status, code])
      expect(res.body.error.message.length).toBeGreaterThan(10)
    }
  })
})

describe('pOST /api/patrol-plans/route', () => {
  it('orders points by nearest neighbour and 2-opt, with length and times', async () => {
    const o = clusters.A
    const pts = [o, offset(o, 1000, 90), offset(o, 300, 90), offset(o, 600, 90), offset(o, 300, 0)]
    const res = await api('POST', '/api/patrol-plans/route', { points: pts.map(p => [p.lon, p.lat]) })
    expect(res.status, res.text).toBe(200)
    // From o: north 300 m is nearest, then back east along the line; the optimum visits 2, 3, 1 after 0.
    const len = (order: number[]) => order.slice(1).reduce((n, j, i) => n + haversine(pts[order[i]!]!, pts[j]!), 0)
    expect(res.body.order[0]).toBe(0)
    expect(res.body.lengthMetres).toBeCloseTo(len(res.body.order), 0)
    expect(res.body.lengthMetres).toBeLessThanOrEqual(res.body.nearestNeighbourMetres)
    expect(res.body.line).toMatchObject({ type: 'Feature', geometry: { type: 'LineString' } })
    const loop = await api('POST', '/api/patrol-plans/route', { points: pts.map(p => [p.lon, p.lat]), closed: true })
    expect(loop.body.line.geometry.coordinates).toHaveLength(6)
    expect(loop.body.line.geometry.coordinates[5]).toEqual(loop.body.line.geometry.coordinates[0])
  })

  it('refuses bad points', async () => {
    for (const body of [{ points: [[121, 45]] }, { points: [[200, 45], [121, 45]] }, { points: [[121, 95], [121, 45]] }, { points: [[121, 45], [121.1, 45]], start: 2 }, { points: Array.from({ length: 51 }, (_, i) => [121 + i / 100, 45]) }, { points: [['a', 45], [121, 45]] }, { points: [[121, 45], [121.1, 45]], closed: 'yes' }]) {
      const res = await api('POST', '/api/patrol-plans/route', body)
      expect([res.status, res.body?.error?.code], JSON.stringify(body).slice(0, 80)).toEqual([400, 'invalid_parameter'])
    }
  })
})

describe('saved plans and the comparison with today', () => {
  let districtPlan: any

  it('saves a plan with the server\'s own solution, audited; lists, opens and deletes it', async () => {
    const before = await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patrol_plan')
    const res = await api('POST', '/api/patrol-plans', { name: '新华 夜巡 "plan"; $1', region: T, k: 3, cellSize: 500, ...PERIOD })
    expect(res.status, res.text).toBe(201)
    const plan = res.body.plan
    expect(plan).toMatchObject({ name: '新华 夜巡 "plan"; $1', region: T, synthetic: false, createdBy: expect.stringMatching(/^test-admin/) })
    expect(plan.posts.map((p: any) => [p.cell, p.gain])).toEqual([[clusters.A.cell, 9], [clusters.B.cell, 6], [clusters.E.cell, 5]])
    expect(plan.route.order).toHaveLength(3)
    expect(plan.summary).toMatchObject({ coveredBefore: sizes.D, coveredAfter: sizes.D + 20 })
    const audit = await ctx.t.db.query<{ action: string, actor: string }>(`SELECT action, actor FROM audit_log WHERE entity = 'patrol_plan' AND entity_id = $1`, [String(plan.id)])
    expect(audit).toEqual([{ action: 'patrol_plan.create', actor: plan.createdBy }])

    const list = await api('GET', `/api/patrol-plans?region=${regions.district}`)
    expect(list.body.plans.map((p: any) => p.id)).toContain(plan.id)
    const got = await api('GET', `/api/patrol-plans/${plan.id}`)
    expect(got.body.plan).toEqual(plan)

    const del = await api('DELETE', `/api/patrol-plans/${plan.id}`)
    expect(del.status, del.text).toBe(200)
    expect((await api('GET', `/api/patrol-plans/${plan.id}`)).status).toBe(404)
    expect((await api('DELETE', `/api/patrol-plans/${plan.id}`)).status).toBe(404)
    const audit2 = await ctx.t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'patrol_plan' AND entity_id = $1 ORDER BY id`, [String(plan.id)])
    expect(audit2.map(a => a.action)).toEqual(['patrol_plan.create', 'patrol_plan.delete'])
    const after = await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patrol_plan')
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('refuses bad plans and writes nothing', async () => {
    const before = await ctx.t.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM patrol_plan)::int + (SELECT count(*) FROM audit_log)::int AS n`)
    for (const [body, status] of [
      [{ region: T, k: 3 }, 400],
      [{ name: '  ', region: T, k: 3 }, 400],
      [{ name: 'x'.repeat(201), region: T, k: 3 }, 400],
      [{ name: 'p', region: T, k: 3, posts: [] }, 400],
      [{ name: 'p', region: T, k: 3, to: '2024-01', months: 1 }, 422],
    ] as const) {
      const res = await api('POST', '/api/patrol-plans', body)
      expect(res.status, JSON.stringify(body)).toBe(status)
    }
    const after = await ctx.t.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM patrol_plan)::int + (SELECT count(*) FROM audit_log)::int AS n`)
    expect(after[0]!.n).toBe(before[0]!.n)
    for (const path of ['/api/patrol-plans/abc', '/api/patrol-plans/0', '/api/patrol-plans/-1/compare'])
      expect((await api('GET', path)).status, path).toBe(400)
  })

  it('compares a district plan per township, today vs with its posts, equal to an independent count', async () => {
    const res = await api('POST', '/api/patrol-plans', { name: 'district plan', region: regions.district, k: 4, cellSize: 500, indicator: 'A', ...PERIOD })
    expect(res.status, res.text).toBe(201)
    districtPlan = res.body.plan
    const cmp = await api('GET', `/api/patrol-plans/${districtPlan.id}/compare`)
    expect(cmp.status, cmp.text).toBe(200)
    expect(cmp.body).toMatchObject({ from: '2025-06', to: '2025-06', minutes: 3, radiusM: 250, indicator: 'A' })
    const [kids] = await ctx.t.db.query<{ codes: string[] }>(`SELECT array_agg(code ORDER BY code) AS codes FROM region WHERE parent = $1`, [regions.district])
    expect(cmp.body.townships.map((r: any) => r.code)).toEqual(kids!.codes)
    for (const r of cmp.body.townships) {
      const want = count(e => e.township === r.code, districtPlan.posts)
      expect({ code: r.code, events: r.events, today: r.today, withPlan: r.withPlan }).toEqual({ code: r.code, events: want.events, today: want.today, withPlan: want.withPosts })
    }
    const own = cmp.body.townships.find((r: any) => r.code === T)
    expect(own.withPlan - own.today).toBe(districtPlan.posts.reduce((n: number, p: any) => n + p.gain, 0))
    expect(cmp.body.total.withPlan).toBe(districtPlan.summary.coveredAfter)
  })

  it('today follows the units as they are now', async () => {
    await addUnit({ ...offset(clusters.C, 10, 180), duty: [] })
    const cmp = await api('GET', `/api/patrol-plans/${districtPlan.id}/compare`)
    const own = cmp.body.townships.find((r: any) => r.code === T)
    const want = count(e => e.township === T, districtPlan.posts)
    expect([own.today, own.withPlan]).toEqual([want.today, want.withPosts])
    expect(own.today).toBe(sizes.D + sizes.C)
  })
})
