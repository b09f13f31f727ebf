import type { LonLat } from '../helpers/listed-fixture.ts'
import { createApp } from '@riskmap/server/app.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { itRefusesHostileGeometry } from '../helpers/hostile-geometry.ts'
import { adminCaller, call } from '../helpers/http-client.ts'
import { haversine, offset, roomyPointIn } from '../helpers/listed-fixture.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'
import { writeCounts } from '../helpers/write-counts.ts'

const ctx = useTestApp()
let p: LonLat

beforeAll(async () => {
  p = await roomyPointIn(ctx.t.db, regions.township, 150)
})

const api = adminCaller(ctx, '/api/response-units')

function draft(over: Record<string, unknown> = {}) {
  return {
    name: '新华路治安岗亭 "一号"; $1',
    type: 'security_post',
    staff: 3,
    duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, { start: '22:00', end: '06:00' }],
    contact: '0436-1234567',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    ...over,
  }
}

const counts = () => writeCounts(ctx.t.db, ['response_unit'])

describe('a response unit from creation to deletion', () => {
  it('is created, read, listed, edited with a version and deleted, with an audit entry per write', async () => {
    const created = await api('POST', '', draft())
    expect(created.status, created.text).toBe(201)
    const u = created.body.unit
    expect(u).toMatchObject({ type: 'Feature', geometry: { type: 'Point' }, properties: { type: 'security_post', staff: 3, version: 1, region: regions.township, contact: '0436-1234567', name: '新华路治安岗亭 "一号"; $1' } })
    expect(u.geometry.coordinates[0]).toBeCloseTo(p.lon, 6)
    expect(u.properties.duty).toEqual(draft().duty)
    const id: number = u.id

    expect((await api('GET', `/${id}`)).body.unit.properties.name).toBe('新华路治安岗亭 "一号"; $1')
    const list = await api('GET', '?type=security_post')
    expect(list.body.type).toBe('FeatureCollection')
    expect(list.body.features.map((f: any) => f.id)).toContain(id)
    expect((await api('GET', '?type=volunteer')).body.features.map((f: any) => f.id)).not.toContain(id)
    expect((await api('GET', `?region=${regions.sibling}`)).body.features.map((f: any) => f.id)).not.toContain(id)
    expect((await api('GET', `?region=${regions.district}`)).body.features.map((f: any) => f.id)).toContain(id)

    const moved = offset(p, 50, 90)
    const edited = await api('PATCH', `/${id}`, { version: 1, staff: 5, type: 'patrol_team', duty: [{ days: [6, 7], start: '00:00', end: '24:00' }], geometry: { type: 'Point', coordinates: [moved.lon, moved.lat] } })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body.unit.properties).toMatchObject({ staff: 5, type: 'patrol_team', duty: [{ days: [6, 7], start: '00:00', end: '24:00' }], version: 2 })
    expect(haversine({ lon: edited.body.unit.geometry.coordinates[0], lat: edited.body.unit.geometry.coordinates[1] }, moved)).toBeLessThan(0.05)
    const stale = await api('PATCH', `/${id}`, { version: 1, name: 'lost update' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect((await api('DELETE', `/${id}?version=1`)).status).toBe(409)

    const deleted = await api('DELETE', `/${id}?version=2`)
    expect(deleted.status, deleted.text).toBe(200)
    expect((await api('GET', `/${id}`)).status).toBe(404)
    expect((await api('DELETE', `/${id}`)).status).toBe(404)

    const audit = await ctx.t.db.query<{ action: string, before: any, after: any, actor: string }>(`SELECT action, before, after, actor FROM audit_log WHERE entity = 'response_unit' AND entity_id = $1 ORDER BY id`, [String(id)])
    expect(audit.map(a => a.action)).toEqual(['response_unit.create', 'response_unit.update', 'response_unit.delete'])
    expect(audit[0]!.before).toBeNull()
    expect(audit[1]!.before.staff).toBe(3)
    expect(audit[1]!.after.staff).toBe(5)
    expect(audit[2]!.before.version).toBe(2)
    expect(audit[2]!.after).toBeNull()
    expect(audit.every(a => a.actor.startsWith('test-admin'))).toBe(true)
  })

  it('gives three geodesic reach areas of 83 m, 250 m (on foot) and 2.5 km (vehicle) with the method', async () => {
    const id = (await api('POST', '', draft())).body.unit.id
    const res = await api('GET', `/${id}/reach`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.method).toMatchObject({ kind: 'speed', speeds: { walkKmh: 5, vehicleKmh: 30 }, note: expect.stringMatching(/straight-line approximation; network reach needs pgRouting/) })
    const byMinutes = new Map(res.body.features.map((f: any) => [f.properties.minutes, f]))
    const expected: Array<[number, string, number]> = [[1, 'walk', 83.3], [3, 'walk', 250], [5, 'vehicle', 2500]]
    for (const [minutes, mode, radius] of expected) {
      const f: any = byMinutes.get(minutes)
      expect(f.properties).toMatchObject({ unitId: id, minutes, mode, radiusM: radius })
      expect(f.geometry.type).toBe('Polygon')
      // Every vertex lies at the radius from the unit, by the test's own great-circle measure.
      for (const [lon, lat] of f.geometry.coordinates[0])
        expect(Math.abs(haversine(p, { lon, lat }) - radius) / radius).toBeLessThan(0.01)
    }
    expect((await api('GET', '/99999999/reach')).status).toBe(404)
  })

  it('uses the configured speeds (RISKMAP_WALK_KMH, RISKMAP_VEHICLE_KMH)', async () => {
    const id = (await api('POST', '', draft())).body.unit.id
    const app = createApp(ctx.t, { publicRead: false, ratePerSecond: 10_000, rateBurst: 100_000, sessionHours: 1, reachSpeeds: { walkKmh: 6, vehicleKmh: 40 } })
    const res = await call(app, 'GET', `/api/response-units/${id}/reach`, { auth: { bearer: ctx.adminToken } })
    expect(res.body.method.speeds).toEqual({ walkKmh: 6, vehicleKmh: 40 })
    expect(res.body.features.map((f: any) => f.properties.radiusM).sort((a: number, b: number) => a - b)).toEqual([100, 300, 3333.3])
  })
})

describe('validation: a clear 4xx and nothing written', () => {
  const cases: Array<[string, () => unknown, number, RegExp]> = [
    ['unknown type', () => draft({ type: 'fire_brigade' }), 400, /type: expected one of security_post/],
    ['negative staff', () => draft({ staff: -1 }), 400, /staff: must not be negative/],
    ['fractional staff', () => draft({ staff: 1.5 }), 400, /staff: must be a whole number/],
    ['overlapping duty windows', () => draft({ duty: [{ start: '08:00', end: '12:00' }, { days: [3], start: '11:00', end: '13:00' }] }), 400, /duty: duty windows overlap: window 1 \(08:00-12:00\) and window 2 \(3 11:00-13:00\) from day 3 11:00/],
    ['overnight window overlapping the next morning', () => draft({ duty: [{ days: [7], start: '22:00', end: '06:00' }, { days: [1], start: '05:00', end: '09:00' }] }), 400, /overlap/],
    ['bad time', () => draft({ duty: [{ start: '8:00', end: '18:00' }] }), 400, /duty: window 1: start "8:00" is not a time of day HH:MM/],
    ['24:00 as a start', () => draft({ duty: [{ start: '24:00', end: '06:00' }] }), 400, /window 1: start "24:00" is not a time of day/],
    ['empty window', () => draft({ duty: [{ start: '08:00', end: '08:00' }] }), 400, /start and end are both 08:00/],
    ['day 8', () => draft({ duty: [{ days: [8], start: '08:00', end: '09:00' }] }), 400, /day 8 is not a weekday/],
    ['unknown window field', () => draft({ duty: [{ start: '08:00', end: '09:00', shift: 'A' }] }), 400, /duty/],
    ['swapped lat/lon', () => draft({ geometry: { type: 'Point', coordinates: [p.lat, p.lon] } }), 400, /swapped/],
    ['projected metres', () => draft({ geometry: { type: 'Point', coordinates: [13_674_000, 5_720_000] } }), 400, /projected metres/],
    ['a crs member', () => draft({ geometry: { type: 'Point', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, coordinates: [p.lon, p.lat] } }), 400, /crs/],
    ['a polygon', () => draft({ geometry: { type: 'Polygon', coordinates: [[[p.lon, p.lat], [p.lon + 0.01, p.lat], [p.lon, p.lat + 0.01], [p.lon, p.lat]]] } }), 400, /geometry.type: a unit is a GeoJSON Point/],
    ['outside every township (Beijing)', () => draft({ geometry: { type: 'Point', coordinates: [116.397, 39.909] } }), 400, /outside every loaded township/],
    ['empty name', () => draft({ name: '  ' }), 400, /name: must not be empty/],
    ['contact over 200 characters', () => draft({ contact: '电'.repeat(201) }), 400, /contact: at most 200/],
    ['missing geometry', () => ({ ...draft(), geometry: undefined }), 400, /geometry/],
    ['a version on create', () => draft({ version: 3 }), 400, /version/],
  ]

  it.each(cases)('%s', async (_label, body, status, message) => {
    const before = await counts()
    const res = await api('POST', '', body())
    expect(res.status, res.text).toBe(status)
    expect(res.body.error.message).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it('edits are checked the same way', async () => {
    const id = (await api('POST', '', draft())).body.unit.id
    const before = await counts()
    expect((await api('PATCH', `/${id}`, { version: 1, type: 'fire_brigade' })).status).toBe(400)
    expect((await api('PATCH', `/${id}`, { version: 1, duty: [{ start: '20:00', end: '04:00' }, { start: '03:00', end: '05:00' }] })).body.error.message).toMatch(/duty windows overlap/)
    expect((await api('PATCH', `/${id}`, { version: 1, geometry: { type: 'Point', coordinates: [116.397, 39.909] } })).body.error.code).toBe('outside_townships')
    expect((await api('PATCH', `/${id}`, { version: 1 })).body.error.message).toMatch(/at least one field/)
    expect((await api('PATCH', '/99999999', { version: 1, staff: 1 })).status).toBe(404)
    expect((await api('DELETE', `/${id}?version=abc`)).status).toBe(400)
    expect(await counts()).toEqual(before)
  })

  itRefusesHostileGeometry('hostile geometry', body => api('POST', '', body), draft, counts)
})
