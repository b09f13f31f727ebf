import type { LonLat } from '../helpers/listed-fixture.ts'
import { generateDemoEvents, resolveHotspots } from '@riskmap/geodata/demo/index.ts'
import { demoMonths } from '@riskmap/geodata/demo/months.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { onDutyAt, parseDutyWindows } from '@riskmap/server/analysis/duty-windows.ts'
import { hexIndex } from '@riskmap/server/analysis/hex-grid.ts'
import { catalog as catalogDefinition } from '@riskmap/server/catalog/indicator-catalog.ts'
import { importEventsCsv } from '@riskmap/server/import/events-import.ts'
import { seedDemoUnits } from '@riskmap/server/seed/demo-units.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { call } from '../helpers/http-client.ts'
import { haversine, offset } from '../helpers/listed-fixture.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { scopedUsers } from '../helpers/scoped-principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

/**
 * Blind spots: hexagon cells ranked by events not within 5 minutes of an on-duty unit. First
 * against an independent count on fixture units and events (haversine, the duty rules of
 * analysis/duty-windows.ts, each event's cell by the JS hexagon index), then on the demo data:
 * the planted hot spots outside every demo unit's 5-minute reach are among the top blind spots,
 * the covered ones are not blind spots at all.
 */
const ctx = useTestApp()
const R5 = 2500

interface Unit extends LonLat { duty: Array<{ days?: number[], start: string, end: string }>, township: string }
interface Ev extends LonLat { at: number, township: string, x: number, y: number }

const units: Unit[] = []
let events: Ev[] = []
let users: Awaited<ReturnType<typeof scopedUsers>>

function api(method: string, path: string, body?: unknown, auth: any = { bearer: ctx.adminToken }) {
  return call(ctx.app, method, path, { auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
}

async function addUnit(u: Unit) {
  const res = await api('POST', '/api/response-units', { name: `bs unit ${units.length}`, type: 'grid_worker', duty: u.duty, geometry: { type: 'Point', coordinates: [u.lon, u.lat] } })
  expect(res.status, res.text).toBe(201)
  expect(res.body.unit.properties.region).toBe(u.township)
  units.push(u)
}

function inRing(ring: number[][], p: LonLat): boolean {
  let inside = false
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [ax, ay] = ring[a]!
    const [bx, by] = ring[b]!
    if ((ay! > p.lat) !== (by! > p.lat) && p.lon < ((bx! - ax!) * (p.lat - ay!)) / (by! - ay!) + ax!)
      inside = !inside
  }
  return inside
}

/** The independent ranking: covered by haversine and the duty rules; cells by the JS index. */
function expectedCells(visible: (township: string) => boolean, size: number, min: number) {
  const seen = units.filter(u => visible(u.township))
  const cells = new Map<string, { i: number, j: number, events: number, uncovered: number }>()
  for (const e of events.filter(e => visible(e.township))) {
    const covered = seen.some((u) => {
      const parsed = parseDutyWindows(u.duty)
      if (!parsed.ok)
        throw new Error(parsed.message)
      const d = haversine(u, e)
      expect(Math.abs(d - R5) / R5, 'keep clear of the 5-minute edge').toBeGreaterThan(0.01)
      return d <= R5 && (u.duty.length === 0 || onDutyAt(parsed.windows, e.at))
    })
    const [i, j] = hexIndex(e.x, e.y, size)
    const c = cells.get(`${i}:${j}`) ?? { i, j, events: 0, uncovered: 0 }
    c.events++
    c.uncovered += covered ? 0 : 1
    cells.set(`${i}:${j}`, c)
  }
  return [...cells.values()].filter(c => c.uncovered >= min).sort((a, b) => b.uncovered - a.uncovered || b.events - a.events || a.i - b.i || a.j - b.j)
}

describe('blind spots on fixture units and events', () => {
  beforeAll(async () => {
    users = await scopedUsers(ctx, ['analyst'], ['township'])
    const own = pointsIn(regions.township, 17)
    const other = pointsIn(regions.sibling, 17)
    await addUnit({ ...own[0]!, duty: [], township: regions.township })
    await addUnit({ ...own[5]!, duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }], township: regions.township })
    await addUnit({ ...other[0]!, duty: [], township: regions.sibling })
    // Each fixture point repeated 1–6 times, at times on and off the weekday shift; a few
    // points doubled 150 m away so that some cells hold events at two spots.
    const times = ['2025-06-16 10:00', '2025-06-21 10:00', '2025-06-18 22:30']
    const spots = [...own.map(p => ({ p, t: regions.township })), ...other.map(p => ({ p, t: regions.sibling }))]
    const rows: string[] = []
    spots.forEach(({ p }, k) => {
      for (let n = 0; n < (k % 6) + 1; n++)
        rows.push(`${p.lon},${p.lat},${times[(k + n) % 3]}`)
      if (k % 4 === 0) {
        const o = offset(p, 150, 30)
        rows.push(`${o.lon},${o.lat},${times[k % 3]}`)
      }
    })
    const csv = ['id,indicator,occurred_at,lon,lat', ...rows.map((r, i) => {
      const [lon, lat, at] = r.split(',')
      return `bs-${i},A2-03,${at},${lon},${lat}`
    })].join('\n')
    const imported = await ctx.post('/api/import/events?source=blind-spots', csv)
    expect(imported.status, JSON.stringify(imported.body)).toBe(201)
    events = await ctx.t.db.query<Ev>(`
      SELECT ST_X(e.geom) AS lon, ST_Y(e.geom) AS lat, e.township, (extract(epoch FROM e.occurred_at) * 1000)::float8 AS at,
        ST_X(ST_Transform(e.geom, region_srid(e.township))) AS x, ST_Y(ST_Transform(e.geom, region_srid(e.township))) AS y
      FROM event e WHERE e.source = 'blind-spots'`)
    expect(events).toHaveLength(rows.length)
  })

  it('ranks cells by uncovered events, equal to an independent count', async () => {
    for (const [size, min] of [[500, 1], [1000, 3], [250, 2]] as const) {
      const res = await api('GET', `/api/coverage/blind-spots?region=${regions.district}&months=1&to=2025-06&size=${size}&min=${min}&limit=100`)
      expect(res.status, res.text).toBe(200)
      const want = expectedCells(() => true, size, min)
      expect(want.length, 'the fixture has blind spots').toBeGreaterThan(2)
      expect(res.body.features.map((f: any) => ({ ...f.properties }))).toEqual(want.map((c, k) => ({
        id: `${size}:${res.body.method.srid}:${c.i}:${c.j}`,
        i: c.i,
        j: c.j,
        events: c.events,
        uncovered: c.uncovered,
        share: Math.round((c.uncovered / c.events) * 10_000) / 10_000,
        rank: k + 1,
      })))
      // Each cell's polygon holds exactly the events counted in it.
      for (const f of res.body.features)
        expect(events.filter(e => inRing(f.geometry.coordinates[0], e)).length).toBe(f.properties.events)
      expect(res.body.summary.events).toBe(events.length)
      expect(res.body.method).toMatchObject({ kind: 'speed', grid: 'hex' })
      expect(res.body.method.blindSpot).toMatch(new RegExp(`at least ${min} events`))
    }
  })

  it('keeps the first `limit` and counts the rest', async () => {
    const res = await api('GET', `/api/coverage/blind-spots?region=${regions.district}&months=1&to=2025-06&size=500&min=1&limit=2`)
    expect(res.status, res.text).toBe(200)
    const want = expectedCells(() => true, 500, 1)
    expect(res.body.features.map((f: any) => f.properties.uncovered)).toEqual(want.slice(0, 2).map(c => c.uncovered))
    expect(res.body.summary.blindSpots).toBe(want.length)
  })

  it('reads only the principal\'s scope', async () => {
    const auth = users.get('analyst-township')!.session
    const res = await api('GET', `/api/coverage/blind-spots?region=${regions.township}&months=1&to=2025-06&size=500&min=1&limit=100`, undefined, auth)
    expect(res.status, res.text).toBe(200)
    const want = expectedCells(t => t === regions.township, 500, 1)
    expect(res.body.features.map((f: any) => [f.properties.i, f.properties.j, f.properties.events, f.properties.uncovered])).toEqual(want.map(c => [c.i, c.j, c.events, c.uncovered]))
    expect((await api('GET', `/api/coverage/blind-spots?region=${regions.sibling}&months=1&to=2025-06`, undefined, auth)).status).toBe(404)
    expect((await api('GET', `/api/coverage/blind-spots?region=${regions.district}&months=1&to=2025-06`, undefined, auth)).status).toBe(404)
  })

  it('refuses bad parameters', async () => {
    for (const bad of ['', 'region=12', `region=${regions.district}&size=300`, `region=${regions.district}&min=0`, `region=${regions.district}&limit=501`, `region=${regions.district}&months=37`, `region=${regions.district}&to=2025-13`]) {
      const res = await api('GET', `/api/coverage/blind-spots?${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.error.code, bad).toBeTypeOf('string')
    }
    expect((await api('GET', `/api/coverage/blind-spots?region=${regions.district}&indicator=Z9-99`)).status).toBe(404)
    expect((await api('GET', '/api/coverage/blind-spots?region=999999')).status).toBe(404)
  })
})

describe('blind spots on the demo data', () => {
  const END = '2026-06'
  const months = demoMonths(END)
  const demoRegions = loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry }))
  const hotspots = resolveHotspots(demoRegions)
  const uncovered = ['ddk-yangtze-water', 'bc-taobei-vice']
  const covered = ['ddk-street-night', 'bc-taobei-street']

  beforeAll(async () => {
    const lines = ['id,indicator,occurred_at,lon,lat']
    for (const e of generateDemoEvents({ regions: demoRegions, catalog: catalogDefinition, endMonth: END, total: 20_000 }))
      lines.push(`${e.id},${e.indicator},${e.occurredAt},${e.lon},${e.lat}`)
    const meta = { actor: 'test', scope: '*', requestId: null, filename: 'demo', source: 'demo', synthetic: true }
    const r = await importEventsCsv(ctx.t.db.transaction, ctx.t.catalog, new TextEncoder().encode(lines.join('\n')), 'wgs84', meta)
    expect(r.inserted).toBe(lines.length - 1)
    expect(await seedDemoUnits(ctx.t.db)).toBeGreaterThanOrEqual(20)
  }, 900_000)

  it('the demo units are synthetic, between 20 and 40, and place the hot spots as documented', async () => {
    const res = await api('GET', '/api/response-units')
    const demo = res.body.features.filter((f: any) => f.properties.synthetic)
    expect(demo.length).toBeGreaterThanOrEqual(20)
    expect(demo.length).toBeLessThanOrEqual(40)
    const at = (id: string) => hotspots.find(h => h.id === id)!
    const nearest = (id: string) => Math.min(...demo.map((f: any) => haversine({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }, { lon: at(id).centre[0], lat: at(id).centre[1] })))
    for (const id of uncovered)
      expect(nearest(id) - at(id).radius, id).toBeGreaterThan(R5)
    for (const id of covered)
      expect(nearest(id) + at(id).radius, id).toBeLessThan(R5)
  })

  it.each(hotspots.map(h => [h.id, h] as const))('%s: a top blind spot exactly when outside 5-minute reach', async (id, h) => {
    const district = h.township.slice(0, 6)
    const res = await api('GET', `/api/coverage/blind-spots?region=${district}&months=24&to=${END}&size=500&limit=10`)
    expect(res.status, res.text.slice(0, 300)).toBe(200)
    expect(res.body.from).toBe(months[0])
    const centre = { lon: h.centre[0], lat: h.centre[1] }
    const cell = res.body.features.find((f: any) => inRing(f.geometry.coordinates[0], centre))
    if (uncovered.includes(id)) {
      expect(cell, `${id} among the top 10 blind spots`).toBeDefined()
      expect(cell.properties.share).toBe(1)
    }
    else {
      expect(covered).toContain(id)
      const all = await api('GET', `/api/coverage/blind-spots?region=${district}&months=24&to=${END}&size=500&min=1&limit=500`)
      expect(all.body.features.find((f: any) => inRing(f.geometry.coordinates[0], centre)), `${id} is covered`).toBeUndefined()
    }
  })
})
