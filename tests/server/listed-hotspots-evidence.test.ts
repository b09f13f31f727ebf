import type { LonLat } from '../helpers/listed-fixture.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCaller } from '../helpers/http-client.ts'
import { haversine, offset, roomyPointIn, square } from '../helpers/listed-fixture.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()

/**
 * Known events around a point hotspot listed on 2025-06-10 (listing month 2025-06 is left out of
 * the windows). Distances are chosen well clear of the 300 m area and the 800 m ring edge.
 */
interface Planted { month: string, metres: number, indicator?: string }
const planted: Planted[] = [
  // inside the area (≤ 300 m)
  { month: '2025-03', metres: 0 },
  { month: '2025-03', metres: 120 },
  { month: '2025-05', metres: 200 },
  { month: '2025-05', metres: 250 },
  { month: '2025-05', metres: 90 },
  { month: '2025-06', metres: 150 },
  { month: '2025-08', metres: 60 },
  { month: '2025-08', metres: 100, indicator: 'C2-05' }, // another indicator: not counted
  { month: '2024-12', metres: 100 }, // before the series: not counted
  // in the ring (300–800 m)
  { month: '2025-04', metres: 450 },
  ...Array.from({ length: 4 }, (_, k) => ({ month: '2025-07', metres: 380 + 90 * k })),
  ...Array.from({ length: 5 }, (_, k) => ({ month: '2025-09', metres: 400 + 70 * k })),
  // beyond the ring (> 800 m)
  { month: '2025-07', metres: 900 },
  { month: '2025-09', metres: 1400 },
]

let centre: LonLat
let points: Array<Planted & LonLat>

beforeAll(async () => {
  centre = await roomyPointIn(ctx.t.db, regions.township, 150)
  points = planted.map((e, k) => ({ ...e, ...offset(centre, e.metres, (k * 47) % 360) }))
  const rows = points.map((e, k) => `ev-${k},${e.indicator ?? 'A2-03'},${e.month}-15 10:00:00,${e.lon},${e.lat}`)
  const res = await ctx.post('/api/import/events?source=listed-evidence', ['id,indicator,occurred_at,lon,lat', ...rows].join('\n'))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
})

const api = adminCaller(ctx, '/api/listed-hotspots')

/** The test's own count: haversine distance and month, from the planted list. */
function expected(inside: (d: number) => boolean) {
  const byMonth = new Map<string, number>()
  for (const e of points) {
    if ((e.indicator ?? 'A2-03') === 'A2-03' && inside(haversine(centre, e)))
      byMonth.set(e.month, (byMonth.get(e.month) ?? 0) + 1)
  }
  return byMonth
}

describe('closure evidence', () => {
  it('counts the indicator inside a 300 m circle and in the 500 m ring, by month, with the Poisson test', async () => {
    const id = (await api('POST', '', { name: 'evidence point', indicators: ['A2-03'], responsibleUnit: 'u', listedOn: '2025-06-10', deadline: '2025-12-31', geometry: { type: 'Point', coordinates: [centre.lon, centre.lat] } })).body.hotspot.id
    const res = await api('GET', `/${id}/evidence?months=3&to=2025-12`)
    expect(res.status, res.text).toBe(200)
    const ev = res.body.evidence
    expect(ev.area).toEqual({ kind: 'point_buffer', radiusM: 300 })
    expect(ev.windows).toMatchObject({ listedMonth: '2025-06', monthsCompared: 3, before: { from: '2025-03', to: '2025-05' }, after: { from: '2025-07', to: '2025-09' } })

    const area = expected(d => d <= 300)
    const ring = expected(d => d > 300 && d <= 800)
    const months = ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']
    expect(ev.trend.series).toEqual(months.map(month => ({ month, count: area.get(month) ?? 0 })))
    expect(ev.displacement.series).toEqual(months.map(month => ({ month, count: ring.get(month) ?? 0 })))
    // By construction: 5 before and 1 after inside; 1 before and 9 after in the ring.
    expect(ev.trend.test).toMatchObject({ before: { total: 5, months: 3 }, after: { total: 1, months: 3 }, level: 'notice', direction: 'down' })
    expect(ev.trend.test.z).toBeCloseTo(2 * (1 - Math.sqrt(5)), 12)
    expect(ev.displacement.test).toMatchObject({ before: { total: 1 }, after: { total: 9 }, z: 4, level: 'warning', direction: 'up' })
    expect(ev.displacement.displaced).toBe(true)
  })

  it('reports the Gi* cells that touch the area, and whether any is still hot', async () => {
    const id = (await api('POST', '', { name: 'gistar point', indicators: ['A2-03'], responsibleUnit: 'u', listedOn: '2025-06-10', deadline: '2025-12-31', geometry: { type: 'Point', coordinates: [centre.lon, centre.lat] } })).body.hotspot.id
    const gi = (await api('GET', `/${id}/evidence?months=3&to=2025-09`)).body.evidence.gistar
    expect(gi).toMatchObject({ available: true, parent: regions.district, size: 500, from: '2025-07', to: '2025-09', correction: 'none', leaves: expect.arrayContaining(['A2-03']) })
    // A 600 m wide circle touches at least one and at most a handful of 500 m hexagons.
    expect(gi.cells.length).toBeGreaterThanOrEqual(1)
    expect(gi.cells.length).toBeLessThanOrEqual(7)
    // The cells cover the circle, so they hold at least the in-window events inside it (one, in 2025-08).
    const inCircle = points.filter(e => (e.indicator ?? 'A2-03') === 'A2-03' && e.month >= '2025-07' && e.month <= '2025-09' && haversine(centre, e) <= 300).length
    expect(inCircle).toBe(1)
    expect(gi.cells.reduce((t: number, c: any) => t + c.count, 0)).toBeGreaterThanOrEqual(inCircle)
    expect(gi.stillHot).toBe(gi.cells.some((c: any) => c.bin >= 2))
    // A dozen planted events in a few cells of thousands of empty ones: the area is plainly still hot.
    expect(gi.stillHot).toBe(true)
    expect(gi.cellsAnalysed).toBeGreaterThan(gi.cells.length)
  })

  it('a polygon counts what it covers, and its ring is 500 m outside its edge', async () => {
    const geometry = square(centre, 140)
    const id = (await api('POST', '', { name: 'evidence square', indicators: ['A2-03'], responsibleUnit: 'u', listedOn: '2025-06-10', deadline: '2025-12-31', geometry })).body.hotspot.id
    const ev = (await api('GET', `/${id}/evidence?months=3&to=2025-12`)).body.evidence
    expect(ev.area).toEqual({ kind: 'polygon', radiusM: 0 })
    const [w, s] = geometry.coordinates[0]![0]!
    const [e, n] = geometry.coordinates[0]![2]!
    const inside = (q: LonLat) => q.lon >= w! && q.lon <= e! && q.lat >= s! && q.lat <= n!
    const counted = points.filter(q => (q.indicator ?? 'A2-03') === 'A2-03' && q.month >= '2025-03' && q.month <= '2025-09')
    const areaTotal = ev.trend.series.reduce((t: number, m: any) => t + m.count, 0)
    expect(areaTotal).toBe(counted.filter(inside).length)
    // Every planted event within 140 m of the centre is inside the square; at 250 m none is.
    expect(areaTotal).toBeGreaterThanOrEqual(counted.filter(q => q.metres <= 140).length)
    expect(counted.filter(inside).every(q => q.metres < 250)).toBe(true)
    const ringTotal = ev.displacement.series.reduce((t: number, m: any) => t + m.count, 0)
    // The ring: outside the square and within 500 m of its edge, by the test's own distance.
    const edge = counted.map(q => polygonDistance(q, w!, s!, e!, n!))
    expect(edge.every(d => Math.abs(d - 500) > 5)).toBe(true)
    expect(ringTotal).toBe(counted.filter((q, k) => !inside(q) && edge[k]! <= 500).length)
    expect(ringTotal).toBeGreaterThan(0)
  })

  it('is 404 for a hotspot that does not exist and 400 for bad windows', async () => {
    expect((await api('GET', '/999999/evidence')).status).toBe(404)
    expect((await api('GET', '/1/evidence?months=0')).status).toBe(400)
    expect((await api('GET', '/1/evidence?months=25')).status).toBe(400)
    expect((await api('GET', '/1/evidence?to=2025-13')).status).toBe(400)
  })
})

/** Distance in metres from a point to an axis-aligned lon/lat box (zero inside), locally planar. */
function polygonDistance(q: LonLat, w: number, s: number, e: number, n: number): number {
  const lon = Math.min(Math.max(q.lon, w), e)
  const lat = Math.min(Math.max(q.lat, s), n)
  return haversine(q, { lon, lat })
}
