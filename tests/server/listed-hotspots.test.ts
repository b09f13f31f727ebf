import type { LonLat } from '../helpers/listed-fixture.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { hostileStrings } from '../fixtures/bad-input.ts'
import { errorReplyProblems } from '../helpers/error-shape.ts'
import { itRefusesHostileGeometry } from '../helpers/hostile-geometry.ts'
import { adminCaller } from '../helpers/http-client.ts'
import { roomyPointIn, square } from '../helpers/listed-fixture.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'
import { writeCounts } from '../helpers/write-counts.ts'

const ctx = useTestApp()
let p: LonLat

beforeAll(async () => {
  p = await roomyPointIn(ctx.t.db, regions.township, 150)
})

const api = adminCaller(ctx, '/api/listed-hotspots')

function draft(over: Record<string, unknown> = {}) {
  return {
    name: '新华路夜市 "噪声" 扰民; $1',
    indicators: ['A2-03'],
    responsibleUnit: '洮北区公安分局',
    listedOn: '2025-06-10',
    deadline: '2025-12-31',
    measures: '加强夜间巡逻',
    attachments: [{ title: '整改方案', url: 'https://example.org/plan.pdf' }],
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    ...over,
  }
}

const counts = () => writeCounts(ctx.t.db, ['listed_hotspot', 'listed_hotspot_transition'], ['listed_hotspot'])

describe('a listed hotspot from listing to 销号', () => {
  it('is created, edited, taken through every state to delisted, with a transition and an audit entry per step', async () => {
    const created = await api('POST', '', draft())
    expect(created.status, created.text).toBe(201)
    const h = created.body.hotspot
    expect(h).toMatchObject({ status: 'listed', version: 1, region: regions.township, overdue: true, allowedTransitions: ['rectifying', 'extended'] })
    expect(h.centroid[0]).toBeCloseTo(p.lon, 6)
    const id: number = h.id

    const edited = await api('PATCH', `/${id}`, { version: 1, measures: '加强夜间巡逻，设置隔音屏障', geometry: square(p, 100) })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body.hotspot).toMatchObject({ version: 2, measures: '加强夜间巡逻，设置隔音屏障', geometry: { type: 'Polygon' } })
    const stale = await api('PATCH', `/${id}`, { version: 1, name: 'lost update' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(await api('PATCH', `/${id}`, { version: 2, status: 'delisted' })).toMatchObject({ status: 400 })

    const steps: Array<{ to: string, newDeadline?: string }> = [
      { to: 'rectifying' },
      { to: 'extended', newDeadline: '2026-03-31' },
      { to: 'awaiting_acceptance' },
      { to: 'rectifying' }, // rejected at acceptance
      { to: 'awaiting_acceptance' },
      { to: 'delisted' },
    ]
    let version = 2
    for (const s of steps) {
      const res = await api('POST', `/${id}/transitions`, { ...s, reason: `原因: ${s.to}`, version })
      expect(res.status, `${s.to}: ${res.text}`).toBe(201)
      expect(res.body.hotspot.status).toBe(s.to)
      expect(res.body.hotspot.version).toBe(++version)
    }

    const got = await api('GET', `/${id}`)
    expect(got.body.hotspot).toMatchObject({ status: 'delisted', deadline: '2026-03-31', overdue: false, allowedTransitions: [] })
    const moves = got.body.transitions.map((t: any) => [t.fromStatus, t.toStatus, t.newDeadline])
    expect(moves).toEqual([[null, 'listed', null], ['listed', 'rectifying', null], ['rectifying', 'extended', '2026-03-31'], ['extended', 'awaiting_acceptance', null], ['awaiting_acceptance', 'rectifying', null], ['rectifying', 'awaiting_acceptance', null], ['awaiting_acceptance', 'delisted', null]])
    expect(got.body.transitions.every((t: any) => t.actor === 'test-admin (token 1)' || t.actor.startsWith('test-admin'))).toBe(true)
    const delisting = got.body.transitions.at(-1)
    expect(delisting.reason).toBe('原因: delisted')
    expect(delisting.evidence).toMatchObject({ hotspotId: id, area: { kind: 'polygon' }, trend: { series: expect.any(Array) }, displacement: { ringM: 500 }, gistar: { available: expect.any(Boolean) } })
    expect(got.body.transitions.slice(0, -1).every((t: any) => t.evidence === null)).toBe(true)

    const audit = await ctx.t.db.query<{ action: string, before: any, after: any }>(`SELECT action, before, after FROM audit_log WHERE entity = 'listed_hotspot' AND entity_id = $1 ORDER BY id`, [String(id)])
    expect(audit.map(a => a.action)).toEqual(['listed_hotspot.create', 'listed_hotspot.update', ...steps.map(() => 'listed_hotspot.transition')])
    expect(audit[0]!.before).toBeNull()
    for (const [k, s] of steps.entries()) {
      const a = audit[k + 2]!
      expect(a.after.status).toBe(s.to)
      expect(a.after.transition.reason).toBe(`原因: ${s.to}`)
      expect(a.before.version).toBe(k + 2)
    }
    expect(audit.at(-1)!.after.transition.evidence.hotspotId).toBe(id)

    const after = await api('POST', `/${id}/transitions`, { to: 'rectifying', reason: 'reopen', version })
    expect(after.status).toBe(409)
    expect(after.body.error).toMatchObject({ code: 'invalid_transition', details: { allowed: [] } })
    expect((await api('PATCH', `/${id}`, { version, name: 'x' })).body.error.code).toBe('closed')
  })

  it('refuses illegal and malformed transitions, naming the allowed ones, and writes nothing', async () => {
    const id = (await api('POST', '', draft({ deadline: '2099-01-01' }))).body.hotspot.id
    const before = await counts()
    const bad = await api('POST', `/${id}/transitions`, { to: 'delisted', reason: 'skip ahead', version: 1 })
    expect(bad.status).toBe(409)
    expect(bad.body.error.message).toMatch(/allowed: rectifying, extended/)
    const early = await api('POST', `/${id}/transitions`, { to: 'extended', reason: 'more time', newDeadline: '2098-12-31', version: 1 })
    expect(early.status).toBe(400)
    expect(early.body.error.message).toMatch(/after the current deadline 2099-01-01/)
    expect((await api('POST', `/${id}/transitions`, { to: 'rectifying', version: 1 })).status).toBe(400)
    expect((await api('POST', `/${id}/transitions`, { to: 'rectifying', reason: '   ', version: 1 })).status).toBe(400)
    expect((await api('POST', `/${id}/transitions`, { to: 'rectifying', reason: 'ok', version: 7 })).body.error.code).toBe('version_conflict')
    expect((await api('POST', '/999999/transitions', { to: 'rectifying', reason: 'ok', version: 1 })).status).toBe(404)
    expect(await counts()).toEqual(before)
    expect((await api('GET', `/${id}`)).body.hotspot).toMatchObject({ overdue: false, status: 'listed' })
  })
})

describe('validation: a clear 4xx and nothing written', () => {
  const cases: Array<[string, () => unknown, number, RegExp]> = [
    ['not GeoJSON', () => draft({ geometry: { type: 'Polygonal', coordinates: [] } }), 400, /geometry.*Point, Polygon or MultiPolygon/],
    ['a line string', () => draft({ geometry: { type: 'LineString', coordinates: [[p.lon, p.lat], [p.lon + 0.01, p.lat]] } }), 400, /geometry/],
    ['self-intersecting polygon', () => draft({ geometry: { type: 'Polygon', coordinates: [[[p.lon, p.lat], [p.lon + 0.01, p.lat + 0.01], [p.lon + 0.01, p.lat], [p.lon, p.lat + 0.01], [p.lon, p.lat]]] } }), 400, /Self-intersection/i],
    ['unclosed ring', () => draft({ geometry: { type: 'Polygon', coordinates: [[[p.lon, p.lat], [p.lon + 0.01, p.lat], [p.lon + 0.01, p.lat + 0.01], [p.lon, p.lat + 0.01]]] } }), 400, /not closed/],
    ['swapped lat/lon', () => draft({ geometry: { type: 'Point', coordinates: [p.lat, p.lon] } }), 400, /swapped/],
    ['projected metres', () => draft({ geometry: { type: 'Point', coordinates: [13_674_000, 5_720_000] } }), 400, /projected metres/],
    ['a crs member', () => draft({ geometry: { type: 'Point', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, coordinates: [p.lon, p.lat] } }), 400, /crs/],
    ['NaN as a coordinate', () => JSON.stringify(draft()).replace(/"coordinates":\[[^\]]*\]/, '"coordinates":[NaN,1]'), 400, /./],
    ['outside every township (Beijing)', () => draft({ geometry: { type: 'Point', coordinates: [116.397, 39.909] } }), 400, /outside every loaded township/],
    ['missing deadline', () => ({ ...draft(), deadline: undefined }), 400, /deadline: is required/],
    ['deadline before listed date', () => draft({ deadline: '2025-06-09' }), 400, /deadline: must not be before listedOn/],
    ['not a real date', () => draft({ deadline: '2026-02-30' }), 400, /deadline: not a real date/],
    ['unknown indicator code', () => draft({ indicators: ['A2-03', 'Z9-99'] }), 400, /unknown indicator sub-class "Z9-99"/],
    ['a class code, not a sub-class', () => draft({ indicators: ['A2'] }), 400, /unknown indicator sub-class "A2"/],
    ['no indicator', () => draft({ indicators: [] }), 400, /indicators/],
    ['javascript: attachment', () => draft({ attachments: [{ title: 'x', url: 'javascript:alert(1)' }] }), 400, /http:\/\/ and https:\/\//],
    ['ftp attachment', () => draft({ attachments: [{ title: 'x', url: 'ftp://example.org/a' }] }), 400, /http:\/\/ and https:\/\//],
    ['empty name', () => draft({ name: '   ' }), 400, /name: must not be empty/],
    ['name over 200 characters', () => draft({ name: '名'.repeat(201) }), 400, /name: at most 200/],
    ['a status on create', () => draft({ status: 'delisted' }), 400, /status/],
    ['oversize body', () => draft({ measures: 'x'.repeat(1024 * 1024 + 1) }), 413, /at most 1024 KB/],
  ]

  it.each(cases)('%s', async (_label, body, status, message) => {
    const before = await counts()
    const res = await api('POST', '', body())
    expect(res.status, res.text).toBe(status)
    expect(res.body.error.message).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it('a valid polygon edit is checked the same way', async () => {
    const id = (await api('POST', '', draft())).body.hotspot.id
    const before = await counts()
    const res = await api('PATCH', `/${id}`, { version: 1, geometry: { type: 'Polygon', coordinates: [[[p.lon, p.lat], [p.lon + 0.01, p.lat + 0.01], [p.lon + 0.01, p.lat], [p.lon, p.lat + 0.01], [p.lon, p.lat]]] } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_geometry')
    expect((await api('PATCH', `/${id}`, { version: 1, listedOn: '2026-01-01' })).body.error.message).toMatch(/after the deadline/)
    expect((await api('PATCH', `/${id}`, { version: 1, indicators: ['nope'] })).status).toBe(400)
    expect((await api('PATCH', `/${id}`, { version: 1 })).body.error.message).toMatch(/at least one field/)
    expect(await counts()).toEqual(before)
  })
})

describe('list filters and overdue', () => {
  it('filters by status, unit (literal substring) and overdue', async () => {
    const late = (await api('POST', '', draft({ name: 'late', responsibleUnit: '白城市城管局 100%', listedOn: '2025-01-01', deadline: '2025-02-01' }))).body.hotspot
    const timely = (await api('POST', '', draft({ name: 'timely', responsibleUnit: '白城市城管局', deadline: '2099-12-31' }))).body.hotspot
    const ids = async (q: string) => (await api('GET', `?${q}`)).body.features.map((f: any) => f.id).filter((i: number) => [late.id, timely.id].includes(i))
    expect(await ids('unit=城管局')).toEqual([late.id, timely.id])
    expect(await ids('unit=100%25')).toEqual([late.id])
    expect(await ids('unit=_')).toEqual([])
    expect(await ids('overdue=true&unit=城管局')).toEqual([late.id])
    expect(await ids('overdue=false&unit=城管局')).toEqual([timely.id])
    await api('POST', `/${late.id}/transitions`, { to: 'rectifying', reason: 'go', version: 1 })
    expect(await ids('status=rectifying')).toEqual([late.id])
    const list = await api('GET', '?status=rectifying')
    expect(list.body.type).toBe('FeatureCollection')
    expect(list.body.features.find((f: any) => f.id === late.id).properties).toMatchObject({ status: 'rectifying', overdue: true, unit: '白城市城管局 100%', listedOn: '2025-01-01', deadline: '2025-02-01', indicators: ['A2-03'] })
    expect((await api('GET', '?status=closed')).status).toBe(400)
    expect((await api('GET', '?overdue=maybe')).status).toBe(400)
  })
})

describe('the hostile corpus', () => {
  itRefusesHostileGeometry('geometry', body => api('POST', '', body), draft, counts)

  it('the unit filter takes any text literally: hostile strings match only where they literally occur', async () => {
    for (const [label, value] of hostileStrings) {
      const res = await api('GET', `?unit=${encodeURIComponent(value)}`)
      if (value.length > 200 || value.includes('\u0000')) {
        expect(errorReplyProblems(res, []), label).toEqual([])
        continue
      }
      expect(res.status, label).toBe(200)
      // Only a literal occurrence matches ('%' finds the unit "… 100%" made above, nothing else).
      const units: string[] = res.body.features.map((f: any) => f.properties.unit)
      expect(units.every(u => u.toLowerCase().includes(value.trim().toLowerCase())), label).toBe(true)
      if (value !== '%')
        expect(units, label).toEqual([])
    }
  })
})
