import type { LonLat } from '../helpers/listed-fixture.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCaller, call } from '../helpers/http-client.ts'
import { haversine, offset, roomyPointIn, square } from '../helpers/listed-fixture.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const api = adminCaller(ctx, '/api/water')
let p: LonLat
let townshipEditor: string

beforeAll(async () => {
  p = await roomyPointIn(ctx.t.db, regions.township, 300)
  townshipEditor = (await createPrincipal(ctx.t.db, { username: 'water-editor-township', role: 'editor', scope: regions.township })).token
})

async function counts() {
  const [row] = await ctx.t.db.query<{ z: number, a: number, r: number, log: number }>(`
    SELECT (SELECT count(*) FROM water_zone)::int AS z, (SELECT count(*) FROM water_asset)::int AS a,
      (SELECT count(*) FROM drone_route)::int AS r,
      (SELECT count(*) FROM audit_log WHERE entity IN ('water_zone', 'water_asset', 'drone_route'))::int AS log`)
  return row!
}

const pond = () => ({ name: '水塘 "东"; $1 🌊', kind: 'pond', danger: 3, sourceNote: 'hand-drawn', synthetic: true, geometry: square(p, 100) })

describe('water zones', () => {
  it('are created, read, listed, edited with a version and deleted, with an audit entry per write', async () => {
    const created = await api('POST', '/zones', pond())
    expect(created.status, created.text).toBe(201)
    const z = created.body.feature
    expect(z).toMatchObject({ type: 'Feature', geometry: { type: 'Polygon' }, properties: { name: '水塘 "东"; $1 🌊', kind: 'pond', danger: 3, approximate: false, synthetic: true, region: regions.township, townships: [regions.township], version: 1 } })
    const id: number = z.id
    expect((await api('GET', `/zones/${id}`)).body.feature.properties.sourceNote).toBe('hand-drawn')
    expect((await api('GET', `/zones?region=${regions.district}`)).body.features.map((f: any) => f.id)).toContain(id)
    expect((await api('GET', `/zones?region=${regions.sibling}`)).body.features.map((f: any) => f.id)).not.toContain(id)

    const edited = await api('PATCH', `/zones/${id}`, { version: 1, danger: 2, approximate: true, kind: 'reservoir' })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body.feature.properties).toMatchObject({ danger: 2, approximate: true, kind: 'reservoir', version: 2, name: '水塘 "东"; $1 🌊' })
    expect((await api('PATCH', `/zones/${id}`, { version: 1, name: 'lost' })).status).toBe(409)
    expect((await api('DELETE', `/zones/${id}?version=1`)).status).toBe(409)
    expect((await api('DELETE', `/zones/${id}?version=2`)).status).toBe(200)
    expect((await api('GET', `/zones/${id}`)).status).toBe(404)

    const audit = await ctx.t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'water_zone' AND entity_id = $1 ORDER BY id`, [String(id)])
    expect(audit.map(a => a.action)).toEqual(['water_zone.create', 'water_zone.update', 'water_zone.delete'])
  })

  it('refuses bad input with a 400 naming the problem, and writes nothing', async () => {
    const before = await counts()
    const bowtie = { type: 'Polygon', coordinates: [[[p.lon, p.lat], [p.lon + 0.01, p.lat + 0.01], [p.lon + 0.01, p.lat], [p.lon, p.lat + 0.01], [p.lon, p.lat]]] }
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ kind: 'lake' }, 'invalid_parameter', /kind: expected one of river, reservoir, pond/],
      [{ danger: 4 }, 'invalid_parameter', /danger/],
      [{ danger: 1.5 }, 'invalid_parameter', /danger/],
      [{ geometry: { type: 'Point', coordinates: [p.lon, p.lat] } }, 'invalid_parameter', /Polygon or MultiPolygon/],
      [{ geometry: bowtie }, 'invalid_geometry', /Self-intersection/i],
      [{ geometry: { ...square(p, 100), crs: { type: 'name' } } }, 'invalid_geometry', /crs/],
      [{ geometry: square({ lon: 10, lat: 10 }, 100) }, 'outside_townships', /no loaded township/],
      [{ name: '  ' }, 'invalid_parameter', /name/],
      [{ colour: 'blue' }, 'invalid_parameter', /colour|Unrecognized/i],
    ]
    for (const [over, code, message] of cases) {
      const res = await api('POST', '/zones', { ...pond(), ...over })
      expect(res.status, `${JSON.stringify(over)} → ${res.text}`).toBe(400)
      expect(res.body.error.code).toBe(code)
      expect(res.body.error.message).toMatch(message)
    }
    expect(await counts()).toEqual(before)
  })

  it('spanning two townships belongs to their district: the township sees it but may not change it', async () => {
    const [a] = pointsIn(regions.township, 1) as [LonLat]
    const [b] = pointsIn(regions.sibling, 1) as [LonLat]
    const c = offset(b, 300, 90)
    const river = { name: '跨镇河段', kind: 'river', danger: 2, geometry: { type: 'Polygon', coordinates: [[[a.lon, a.lat], [b.lon, b.lat], [c.lon, c.lat], [a.lon, a.lat]]] } }
    const created = await api('POST', '/zones', river)
    expect(created.status, created.text).toBe(201)
    const { id, properties } = created.body.feature
    expect(properties.region).toBe(regions.district)
    expect(properties.townships).toEqual(expect.arrayContaining([regions.township, regions.sibling]))

    const asTownship = (method: string, path: string, body?: unknown) =>
      call(ctx.app, method, `/api/water${path}`, { auth: { bearer: townshipEditor }, ...(body ? { body: JSON.stringify(body) } : {}) })
    expect((await asTownship('GET', `/zones/${id}`)).status).toBe(200)
    const before = await counts()
    const patched = await asTownship('PATCH', `/zones/${id}`, { version: 1, danger: 1 })
    expect(patched.status, patched.text).toBe(403)
    expect(patched.body.error.code).toBe('outside_scope')
    expect((await asTownship('DELETE', `/zones/${id}`)).status).toBe(403)
    const drawn = await asTownship('POST', '/zones', river)
    expect(drawn.status, drawn.text).toBe(403)
    expect(drawn.body.error.message).toMatch(regions.sibling)
    expect(await counts()).toEqual(before)
    // Its own pond is its own to write.
    expect((await asTownship('POST', '/zones', pond())).status).toBe(201)
  })

  it('may be written by editors and admins only', async () => {
    const before = await counts()
    for (const role of ['analyst', 'display'] as const) {
      const { token } = await createPrincipal(ctx.t.db, { username: `water-${role}`, role, scope: '*' })
      const res = await call(ctx.app, 'POST', '/api/water/zones', { auth: { bearer: token }, body: JSON.stringify(pond()) })
      expect(res.status, res.text).toBe(403)
      expect((await call(ctx.app, 'GET', '/api/water/zones', { auth: { bearer: token } })).status).toBe(200)
    }
    expect(await counts()).toEqual(before)
  })
})

describe('water assets', () => {
  it('are points of four types; an unknown type is 400 and writes nothing', async () => {
    for (const type of ['warning_sign', 'fence', 'rescue_equipment', 'guard_post']) {
      const res = await api('POST', '/assets', { name: `${type} 1`, type, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })
      expect(res.status, res.text).toBe(201)
      expect(res.body.feature.properties).toMatchObject({ type, region: regions.township, townships: [regions.township] })
    }
    const before = await counts()
    for (const body of [
      { name: 'x', type: 'lifeboat', geometry: { type: 'Point', coordinates: [p.lon, p.lat] } },
      { name: 'x', type: 'fence', geometry: { type: 'Point', coordinates: [p.lat, p.lon] } },
      { name: 'x', type: 'fence', geometry: { type: 'LineString', coordinates: [[p.lon, p.lat], [p.lon + 0.001, p.lat]] } },
    ]) {
      const res = await api('POST', '/assets', body)
      expect(res.status, res.text).toBe(400)
    }
    expect((await api('POST', '/assets', { name: 'x', type: 'lifeboat', geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })).body.error.message).toMatch(/warning_sign, fence, rescue_equipment, guard_post/)
    expect(await counts()).toEqual(before)
  })
})

describe('drone routes', () => {
  const line = (metres: number) => {
    const b = offset(p, metres / 2, 90)
    const a = offset(p, metres / 2, 270)
    return { type: 'LineString', coordinates: [[a.lon, a.lat], [p.lon, p.lat], [b.lon, b.lat]] }
  }

  it('keeps a route within the battery and reports its geodesic length', async () => {
    const res = await api('POST', '/routes', { name: '无人机巡查 1', drone: 'M30T', maxFlightM: 1000, geometry: line(500) })
    expect(res.status, res.text).toBe(201)
    const g = res.body.feature.geometry.coordinates
    const expected = haversine({ lon: g[0][0], lat: g[0][1] }, { lon: g[1][0], lat: g[1][1] }) + haversine({ lon: g[1][0], lat: g[1][1] }, { lon: g[2][0], lat: g[2][1] })
    expect(res.body.feature.properties.lengthM).toBeGreaterThan(expected * 0.995)
    expect(res.body.feature.properties.lengthM).toBeLessThan(expected * 1.005)

    const id = res.body.feature.id
    const shrink = await api('PATCH', `/routes/${id}`, { version: 1, maxFlightM: 400 })
    expect(shrink.status, shrink.text).toBe(400)
    expect(shrink.body.error.code).toBe('route_too_long')
    expect((await api('PATCH', `/routes/${id}`, { version: 1, maxFlightM: 600 })).status).toBe(200)
  })

  it('refuses a route longer than one battery flies, naming both numbers, and writes nothing', async () => {
    const before = await counts()
    const res = await api('POST', '/routes', { name: '太长', maxFlightM: 1000, geometry: line(1500) })
    expect(res.status, res.text).toBe(400)
    expect(res.body.error.code).toBe('route_too_long')
    expect(res.body.error.details.maxFlightM).toBe(1000)
    expect(res.body.error.details.lengthM).toBeGreaterThan(1490)
    expect(res.body.error.message).toMatch(/1000 m/)
    const same = await api('POST', '/routes', { name: 'dot', maxFlightM: 1000, geometry: { type: 'LineString', coordinates: [[p.lon, p.lat], [p.lon, p.lat]] } })
    expect(same.status).toBe(400)
    expect(same.body.error.code).toBe('invalid_geometry')
    expect((await api('POST', '/routes', { name: 'x', maxFlightM: 50, geometry: line(20) })).status).toBe(400)
    expect(await counts()).toEqual(before)
  })
})
