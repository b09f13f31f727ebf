import type { LonLat } from '../helpers/listed-fixture.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { itRefusesHostileGeometry } from '../helpers/hostile-geometry.ts'
import { adminCaller } from '../helpers/http-client.ts'
import { offset, roomyPointIn, square } from '../helpers/listed-fixture.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'
import { writeCounts } from '../helpers/write-counts.ts'

const ctx = useTestApp()
const api = adminCaller(ctx, '/api/patrol-zones')
let c: LonLat

beforeAll(async () => {
  c = await roomyPointIn(ctx.t.db, regions.township, 450)
})

const line = (...ps: LonLat[]) => ({ type: 'LineString', coordinates: ps.map(p => [p.lon, p.lat]) })

function draft(over: Record<string, unknown> = {}) {
  return {
    name: '新华路街面巡区 "A"; $1',
    type: 'street',
    team: '巡逻一组',
    shifts: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' }, { start: '20:00', end: '02:00' }],
    geometry: square(c, 200),
    ...over,
  }
}

const counts = () => writeCounts(ctx.t.db, ['patrol_zone'])

describe('a patrol zone from creation to deletion', () => {
  it('is created, read, listed, edited with a version and deleted, with an audit entry per write', async () => {
    const created = await api('POST', '', draft())
    expect(created.status, created.text).toBe(201)
    const z = created.body.zone
    expect(z).toMatchObject({ type: 'Feature', geometry: { type: 'Polygon' }, properties: { type: 'street', team: '巡逻一组', version: 1, region: regions.township, synthetic: false, name: '新华路街面巡区 "A"; $1' } })
    expect(z.properties.shifts).toEqual(draft().shifts)
    // A 400 m square: 160,000 m² and a 1,600 m perimeter, within the fixture's planar approximation (< 2%).
    expect(Math.abs(z.properties.areaM2 / 160_000 - 1)).toBeLessThan(0.02)
    expect(Math.abs(z.properties.lengthM / 1600 - 1)).toBeLessThan(0.02)
    const id: number = z.id

    expect((await api('GET', `/${id}`)).body.zone.properties.name).toBe('新华路街面巡区 "A"; $1')
    expect((await api('GET', '?type=street')).body.features.map((f: any) => f.id)).toContain(id)
    expect((await api('GET', '?type=back_alley')).body.features.map((f: any) => f.id)).not.toContain(id)
    expect((await api('GET', `?region=${regions.sibling}`)).body.features.map((f: any) => f.id)).not.toContain(id)
    expect((await api('GET', `?region=${regions.district}`)).body.features.map((f: any) => f.id)).toContain(id)

    const route = line(offset(c, 100, 270), offset(c, 100, 90))
    const edited = await api('PATCH', `/${id}`, { version: 1, type: 'drone_night_route', shifts: [{ days: [5, 6], start: '21:00', end: '03:00' }], geometry: route })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body.zone.geometry.type).toBe('LineString')
    expect(edited.body.zone.properties).toMatchObject({ type: 'drone_night_route', version: 2, areaM2: 0 })
    expect(Math.abs(edited.body.zone.properties.lengthM / 200 - 1)).toBeLessThan(0.02)
    // A drone route stays a line: a polygon now is refused.
    const toPolygon = await api('PATCH', `/${id}`, { version: 2, geometry: square(c, 100) })
    expect(toPolygon.status).toBe(400)
    expect(toPolygon.body.error.message).toMatch(/drone_night_route zone must be a LineString/)
    const stale = await api('PATCH', `/${id}`, { version: 1, name: 'lost update' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect((await api('DELETE', `/${id}?version=1`)).status).toBe(409)

    const deleted = await api('DELETE', `/${id}?version=2`)
    expect(deleted.status, deleted.text).toBe(200)
    expect((await api('GET', `/${id}`)).status).toBe(404)
    expect((await api('DELETE', `/${id}`)).status).toBe(404)

    const audit = await ctx.t.db.query<{ action: string, before: any, after: any, actor: string }>(`SELECT action, before, after, actor FROM audit_log WHERE entity = 'patrol_zone' AND entity_id = $1 ORDER BY id`, [String(id)])
    expect(audit.map(a => a.action)).toEqual(['patrol_zone.create', 'patrol_zone.update', 'patrol_zone.delete'])
    expect(audit[0]!.before).toBeNull()
    expect(audit[1]!.before.type).toBe('street')
    expect(audit[1]!.after.type).toBe('drone_night_route')
    expect(audit[2]!.after).toBeNull()
    expect(audit.every(a => a.actor.startsWith('test-admin'))).toBe(true)
  })

  it('takes the district as its region when it crosses two townships, and hides it from either township', async () => {
    const [own] = pointsIn(regions.township, 1)
    const [sib] = pointsIn(regions.sibling, 1)
    const route = line(own!, sib!)
    const [pre] = await ctx.t.db.query<{ ok: boolean }>(`SELECT ST_CoveredBy(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), geom) AS ok FROM region WHERE code = $2`, [JSON.stringify(route), regions.district])
    expect(pre!.ok, 'fixture: the line stays in the district').toBe(true)
    const res = await api('POST', '', draft({ type: 'back_alley', geometry: route }))
    expect(res.status, res.text).toBe(201)
    expect(res.body.zone.properties.region).toBe(regions.district)
    const id = res.body.zone.id
    const rows = await ctx.t.db.scoped(regions.township, 'read', q => q.query('SELECT id FROM patrol_zone WHERE id = $1', [id]))
    expect(rows).toEqual([])
    const district = await ctx.t.db.scoped(regions.district, 'read', q => q.query('SELECT id FROM patrol_zone WHERE id = $1', [id]))
    expect(district).toHaveLength(1)
  })
})

describe('validation: a clear 4xx and nothing written', () => {
  const cases: Array<[string, () => unknown, number, RegExp]> = [
    ['unknown type', () => draft({ type: 'river' }), 400, /type: expected one of street, back_alley, garage_warehouse, drone_night_route/],
    ['overlapping shifts, naming both', () => draft({ shifts: [{ start: '08:00', end: '12:00' }, { days: [3], start: '11:00', end: '13:00' }] }), 400, /^shifts: shift 1 \(08:00-12:00\) and shift 2 \(3 11:00-13:00\) overlap, first on Wednesday at 11:00$/],
    ['overnight shift overlapping the next morning', () => draft({ shifts: [{ days: [7], start: '22:00', end: '06:00' }, { days: [1], start: '05:00', end: '09:00' }] }), 400, /shift 1 \(7 22:00-06:00\) and shift 2 \(1 05:00-09:00\) overlap, first on Monday at 05:00/],
    ['bad time', () => draft({ shifts: [{ start: '8:00', end: '18:00' }] }), 400, /shifts: shift 1: start "8:00" is not a time of day HH:MM/],
    ['empty shift', () => draft({ shifts: [{ start: '08:00', end: '08:00' }] }), 400, /shift 1: start and end are both 08:00/],
    ['day 8', () => draft({ shifts: [{ days: [8], start: '08:00', end: '09:00' }] }), 400, /day 8 is not a weekday/],
    ['a drone route as a polygon', () => draft({ type: 'drone_night_route' }), 400, /drone_night_route zone must be a LineString/],
    ['a point', () => draft({ geometry: { type: 'Point', coordinates: [c.lon, c.lat] } }), 400, /geometry.type: expected a GeoJSON geometry of type Polygon or LineString/],
    ['a line of one repeated position', () => draft({ geometry: line(c, c, c) }), 400, /a line needs at least 2 distinct positions/],
    ['a line of one position', () => draft({ geometry: { type: 'LineString', coordinates: [[c.lon, c.lat]] } }), 400, /a line needs at least 2 positions/],
    ['a self-intersecting polygon, with PostGIS\'s reason', () => {
      const [a, b, d, e] = [offset(c, 100, 315), offset(c, 100, 135), offset(c, 100, 45), offset(c, 100, 225)]
      return draft({ geometry: { type: 'Polygon', coordinates: [[[a.lon, a.lat], [b.lon, b.lat], [d.lon, d.lat], [e.lon, e.lat], [a.lon, a.lat]]] } })
    }, 400, /not a valid Polygon: Self-intersection/],
    ['an unclosed ring', () => draft({ geometry: { type: 'Polygon', coordinates: [square(c, 100).coordinates[0]!.slice(0, 4)] } }), 400, /ring 1 is not closed/],
    ['swapped lat/lon in a line', () => draft({ geometry: { type: 'LineString', coordinates: [[c.lat, c.lon], [c.lat + 0.001, c.lon]] } }), 400, /swapped/],
    ['projected metres', () => draft({ geometry: { type: 'LineString', coordinates: [[13_674_000, 5_720_000], [13_675_000, 5_720_000]] } }), 400, /projected metres/],
    ['a crs member', () => draft({ geometry: { ...line(c, offset(c, 50, 90)), crs: { type: 'name', properties: { name: 'EPSG:3857' } } } }), 400, /crs/],
    ['outside every township (Beijing)', () => draft({ geometry: { type: 'LineString', coordinates: [[116.397, 39.909], [116.398, 39.91]] } }), 400, /outside every loaded township/],
    ['empty name', () => draft({ name: '  ' }), 400, /name: must not be empty/],
    ['team over 200 characters', () => draft({ team: '队'.repeat(201) }), 400, /team: at most 200/],
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
    const id = (await api('POST', '', draft())).body.zone.id
    const before = await counts()
    expect((await api('PATCH', `/${id}`, { version: 1, type: 'river' })).status).toBe(400)
    expect((await api('PATCH', `/${id}`, { version: 1, type: 'drone_night_route' })).body.error.message).toMatch(/must be a LineString/)
    expect((await api('PATCH', `/${id}`, { version: 1, shifts: [{ start: '20:00', end: '04:00' }, { start: '03:00', end: '05:00' }] })).body.error.message).toMatch(/shift 1 \(20:00-04:00\) and shift 2 \(03:00-05:00\) overlap/)
    expect((await api('PATCH', `/${id}`, { version: 1, geometry: line({ lon: 116.397, lat: 39.909 }, { lon: 116.398, lat: 39.91 }) })).body.error.code).toBe('outside_townships')
    expect((await api('PATCH', `/${id}`, { version: 1 })).body.error.message).toMatch(/at least one field/)
    expect((await api('PATCH', '/99999999', { version: 1, team: 'x' })).status).toBe(404)
    expect((await api('DELETE', `/${id}?version=abc`)).status).toBe(400)
    expect(await counts()).toEqual(before)
  })

  itRefusesHostileGeometry('hostile geometry', body => api('POST', '', body), draft, counts)
})
