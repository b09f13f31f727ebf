import type { LonLat } from '../helpers/listed-fixture.ts'
import { onDutyAt, parseDutyWindows, shanghaiMinuteOfWeek, weeklyIntervals } from '@riskmap/server/analysis/duty-windows.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { call } from '../helpers/http-client.ts'
import { haversine, offset, roomyPointIn } from '../helpers/listed-fixture.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { scopedUsers } from '../helpers/scoped-principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

/**
 * Coverage per region against an independent count: great-circle distance (haversine) and the
 * on-duty rule of analysis/duty-windows.ts in JS, over units and events inserted here.
 */
const ctx = useTestApp()
const RADII = [250 / 3, 250, 2500] // 5 km/h for 1 and 3 minutes, 30 km/h for 5 minutes

interface Unit extends LonLat { duty: Array<{ days?: number[], start: string, end: string }>, region?: string }
interface Ev extends LonLat { township: string, district: string, at: number, month: string }

// Local Asia/Shanghai times unless an offset is given. 2025-06-16 is a Monday.
const times = [
  '2025-06-16 10:00', // Mon: weekday post on
  '2025-06-21 10:00', // Sat: weekday post off
  '2025-06-20 23:30', // Fri night: night team on
  '2025-06-21 05:59', // Sat 05:59, the tail of Friday's night window: on
  '2025-06-21 06:00', // end exclusive: off
  '2025-06-17 18:00', // end exclusive: weekday post off
  '2025-06-18 08:00', // start inclusive: on
  '2025-06-16T02:00:00Z', // Mon 10:00 in Shanghai: on
  '2025-06-15T23:30:00Z', // Mon 07:30 in Shanghai (Sunday in UTC): off
  '2025-05-30 12:00', // a month earlier: outside months=1
]

let users: Awaited<ReturnType<typeof scopedUsers>>
let p: LonLat
let q: LonLat
let events: Ev[]
const units: Unit[] = []

function api(method: string, path: string, body?: unknown, auth: any = { bearer: ctx.adminToken }) {
  return call(ctx.app, method, path, { auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
}

async function addUnit(u: Unit) {
  const res = await api('POST', '/api/response-units', { name: `unit ${units.length}`, type: 'patrol_team', duty: u.duty, geometry: { type: 'Point', coordinates: [u.lon, u.lat] } })
  expect(res.status, res.text).toBe(201)
  units.push({ ...u, region: res.body.unit.properties.region })
}

/** The independent count: per region, events in the months and those within each radius of an on-duty unit. */
function expected(level: 'township' | 'district', months: string[], visible: (region: string) => boolean) {
  const out = new Map<string, { events: number, within1: number, within3: number, within5: number }>()
  const seen = units.filter(u => visible(u.region!))
  for (const e of events.filter(e => months.includes(e.month) && visible(e.township))) {
    const onDuty = seen.filter((u) => {
      const parsed = parseDutyWindows(u.duty)
      if (!parsed.ok)
        throw new Error(parsed.message)
      return u.duty.length === 0 || onDutyAt(parsed.windows, e.at)
    })
    const d = Math.min(Infinity, ...onDuty.map(u => haversine(u, e)))
    const key = level === 'township' ? e.township : e.district
    const row = out.get(key) ?? { events: 0, within1: 0, within3: 0, within5: 0 }
    row.events++
    row.within1 += d <= RADII[0]! ? 1 : 0
    row.within3 += d <= RADII[1]! ? 1 : 0
    row.within5 += d <= RADII[2]! ? 1 : 0
    out.set(key, row)
  }
  return out
}

/** Distances within 1 % of a radius would make the sphere and the spheroid disagree: keep clear. */
function assertClearOfEdges() {
  for (const u of units) {
    for (const e of events) {
      const d = haversine(u, e)
      for (const r of RADII)
        expect(Math.abs(d - r) / r, `event at ${d.toFixed(1)} m of a unit, radius ${r}`).toBeGreaterThan(0.01)
    }
  }
}

async function coverage(query: string, auth?: any) {
  const res = await api('GET', `/api/coverage?${query}`, undefined, auth)
  expect(res.status, res.text).toBe(200)
  return res.body
}

function compare(body: any, want: Map<string, { events: number, within1: number, within3: number, within5: number }>) {
  for (const r of body.regions) {
    const w = want.get(r.code) ?? { events: 0, within1: 0, within3: 0, within5: 0 }
    expect({ code: r.code, events: r.events, within1: r.within1, within3: r.within3, within5: r.within5 }).toEqual({ code: r.code, ...w })
    expect(r.share3).toBe(r.events ? Math.round((r.within3 / r.events) * 10_000) / 10_000 : null)
  }
  const total = [...want.values()].reduce((n, w) => n + w.events, 0)
  expect(body.regions.reduce((n: number, r: any) => n + r.events, 0)).toBe(total)
}

beforeAll(async () => {
  users = await scopedUsers(ctx, ['analyst'], ['township'])
  p = await roomyPointIn(ctx.t.db, regions.township, 300)
  q = await roomyPointIn(ctx.t.db, regions.sibling, 250)
  const near = [40, 70, 120, 200, 240, 280].flatMap((m, i) => [offset(p, m, i * 60), offset(q, m, 30 + i * 60)])
  const spots = [...near, ...pointsIn(regions.township, 17), ...pointsIn(regions.sibling, 17)]
  const csv = ['id,indicator,occurred_at,lon,lat', ...spots.map((s, i) => `cov-${i},A2-03,${times[i % times.length]},${s.lon},${s.lat}`)].join('\n')
  const imported = await ctx.post('/api/import/events?source=coverage', csv)
  expect(imported.status, JSON.stringify(imported.body)).toBe(201)
  events = await ctx.t.db.query<Ev>(`
    SELECT ST_X(e.geom) AS lon, ST_Y(e.geom) AS lat, e.township, r.parent AS district,
      (extract(epoch FROM e.occurred_at) * 1000)::float8 AS at, to_char(e.month, 'YYYY-MM') AS month
    FROM event e JOIN region r ON r.code = e.township WHERE e.source = 'coverage'`)
  expect(events).toHaveLength(spots.length)
  await addUnit({ ...p, duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }] })
  await addUnit({ ...q, duty: [{ days: [5], start: '22:00', end: '06:00' }] })
})

describe('coverage: the share of events within 1, 3 and 5 minutes of an on-duty unit', () => {
  it('equals an independent count per township and per district, and says how it was computed', async () => {
    assertClearOfEdges()
    const town = await coverage(`level=township&parent=${regions.district}&months=1&to=2025-06`)
    expect(town).toMatchObject({ level: 'township', parent: regions.district, from: '2025-06', to: '2025-06', months: 1 })
    expect(town.method).toMatchObject({ kind: 'speed', speeds: { walkKmh: 5, vehicleKmh: 30 }, note: expect.stringMatching(/straight-line approximation/) })
    const want = expected('township', ['2025-06'], () => true)
    compare(town, want)
    const own = town.regions.find((r: any) => r.code === regions.township)
    // The fixture exercises every band: something within 1 minute, something only within 5, something outside.
    expect(own.within1).toBeGreaterThan(0)
    expect(own.within5).toBeGreaterThan(own.within3)
    expect(own.events).toBeGreaterThan(own.within5)

    compare(await coverage(`level=township&parent=${regions.district}&months=2&to=2025-06`), expected('township', ['2025-05', '2025-06'], () => true))
    compare(await coverage(`level=district&parent=${regions.city}&months=1&to=2025-06`), expected('district', ['2025-06'], () => true))
  })

  it('changes accordingly when a unit is added', async () => {
    const query = `level=township&parent=${regions.district}&months=1&to=2025-06`
    const before = (await coverage(query)).regions.find((r: any) => r.code === regions.township)
    await addUnit({ ...offset(p, 150, 200), duty: [] })
    assertClearOfEdges()
    const after = await coverage(query)
    compare(after, expected('township', ['2025-06'], () => true))
    const own = after.regions.find((r: any) => r.code === regions.township)
    expect(own.within3).toBeGreaterThan(before.within3)
    expect(own.events).toBe(before.events)
  })

  it('counts only the units and events in the principal\'s scope', async () => {
    const body = await coverage(`level=township&parent=${regions.district}&months=1&to=2025-06`, users.get('analyst-township')!.session)
    expect(body.regions.map((r: any) => r.code)).toEqual([regions.township])
    compare(body, expected('township', ['2025-06'], r => r === regions.township))
  })

  it('refuses bad parameters with a 400 naming them', async () => {
    for (const bad of ['level=city', 'level=township&months=0', 'level=township&months=37', 'level=township&to=2025-13', 'level=township&parent=12', 'level=district&parent=220802'])
      expect((await api('GET', `/api/coverage?${bad}`)).status, bad).toBe(400)
    expect((await api('GET', '/api/coverage?level=township&indicator=Z9-99')).status).toBe(404)
    expect((await api('GET', '/api/coverage?level=township&parent=999999')).status).toBe(404)
  })
})

describe('the SQL on-duty week agrees with analysis/duty-windows.ts', () => {
  const cases = [
    [],
    [{ start: '08:00', end: '18:00' }],
    [{ days: [7], start: '22:00', end: '06:00' }],
    [{ days: [1, 3, 5], start: '00:00', end: '24:00' }, { days: [6], start: '12:30', end: '12:31' }],
    [{ days: [5], start: '23:59', end: '00:01' }, { start: '08:00', end: '09:00' }],
  ]
  it.each(cases.map(c => [JSON.stringify(c), c] as const))('%s', async (_label, windows) => {
    const parsed = parseDutyWindows(windows)
    if (!parsed.ok)
      throw new Error(parsed.message)
    const [row] = await ctx.t.db.query<{ week: string }>('SELECT response_unit_duty_week($1::jsonb)::text AS week', [JSON.stringify(windows)])
    // The JS pieces, merged where they touch, as PostgreSQL prints a multirange.
    const pieces = windows.length ? parsed.windows.flatMap(weeklyIntervals).sort((a, b) => a[0] - b[0]) : [[0, 10080] as [number, number]]
    const merged: Array<[number, number]> = []
    for (const [from, to] of pieces) {
      const last = merged.at(-1)
      if (last && from <= last[1])
        last[1] = Math.max(last[1], to)
      else
        merged.push([from, to])
    }
    expect(row!.week).toBe(`{${merged.map(([a, b]) => `[${a},${b})`).join(',')}}`)
  })

  it('the minute of the week in Asia/Shanghai, whatever the session time zone', async () => {
    for (const t of ['2025-06-15T23:30:00Z', '2025-06-15T16:00:00Z', '2025-06-22T15:59:59Z', '2024-02-29T04:00:30Z']) {
      const m = await ctx.t.db.transaction(async (client) => {
        await client.query(`SET LOCAL TimeZone = 'America/New_York'`)
        return (await client.query<{ m: number }>(`SELECT shanghai_minute_of_week($1::timestamptz) AS m`, [t])).rows[0]!.m
      })
      expect(m, t).toBe(Math.floor(shanghaiMinuteOfWeek(Date.parse(t))))
    }
  })
})
