import type { Expected } from '../helpers/authz-expect.ts'
import type { LonLat } from '../helpers/listed-fixture.ts'
import type { ScopedUser } from '../helpers/scoped-principals.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { matrixRoles, matrixScopes } from '../fixtures/authz-matrix.ts'
import { everyone, hiddenFromTownship, perRole, sameDistrictOnly, writers } from '../helpers/authz-expect.ts'
import { matrixRows } from '../helpers/authz-rows.ts'
import { call } from '../helpers/http-client.ts'
import { offset, roomyPointIn, square } from '../helpers/listed-fixture.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { scopedUsers } from '../helpers/scoped-principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

/**
 * The authorization matrix for /api/listed-hotspots: role × scope × endpoint, in the vocabulary of
 * fixtures/authz-matrix.ts. Writes get a fresh hotspot per row, so versions never collide.
 */
const ctx = useTestApp()
let users: Map<string, ScopedUser>
const at: Record<'own' | 'sibling', LonLat> = {} as never
const ids: Record<'own' | 'sibling', number> = {} as never

function admin(method: string, path: string, body?: unknown) {
  return call(ctx.app, method, `/api/listed-hotspots${path}`, { auth: { bearer: ctx.adminToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
}

function draft(where: 'own' | 'sibling', geometry?: unknown) {
  return {
    name: `matrix ${where}`,
    indicators: ['A2-03'],
    responsibleUnit: '洮北区',
    listedOn: '2026-01-01',
    deadline: '2026-06-30',
    geometry: geometry ?? { type: 'Point', coordinates: [at[where].lon, at[where].lat] },
  }
}

async function fresh(where: 'own' | 'sibling'): Promise<number> {
  const res = await admin('POST', '', draft(where))
  expect(res.status, res.text).toBe(201)
  return res.body.hotspot.id
}

interface Endpoint { name: string, expect: Expected, request: () => Promise<{ method: string, path: string, body?: unknown }> }

const endpoints: Endpoint[] = [
  { name: 'GET list', expect: everyone(200), request: async () => ({ method: 'GET', path: '' }) },
  { name: 'GET own-township hotspot', expect: everyone(200), request: async () => ({ method: 'GET', path: `/${ids.own}` }) },
  { name: 'GET sibling-township hotspot', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/${ids.sibling}` }) },
  { name: 'GET own evidence', expect: everyone(200), request: async () => ({ method: 'GET', path: `/${ids.own}/evidence?to=2026-03` }) },
  { name: 'GET sibling evidence', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/${ids.sibling}/evidence?to=2026-03` }) },
  { name: 'GET export.csv', expect: perRole(200, 200, 200, 403), request: async () => ({ method: 'GET', path: '/export.csv' }) },
  { name: 'GET export.xlsx', expect: perRole(200, 200, 200, 403), request: async () => ({ method: 'GET', path: '/export.xlsx?status=listed' }) },
  { name: 'POST create in own township', expect: writers(201), request: async () => ({ method: 'POST', path: '', body: draft('own') }) },
  { name: 'POST create in sibling township', expect: writers(sameDistrictOnly(201, 403)), request: async () => ({ method: 'POST', path: '', body: draft('sibling') }) },
  { name: 'POST create reaching into the sibling', expect: writers(sameDistrictOnly(201, 403)), request: async () => ({ method: 'POST', path: '', body: draft('own', reaching()) }) },
  { name: 'PATCH own hotspot', expect: writers(200), request: async () => ({ method: 'PATCH', path: `/${await fresh('own')}`, body: { version: 1, measures: 'm' } }) },
  { name: 'PATCH sibling hotspot', expect: writers(sameDistrictOnly(200, 404)), request: async () => ({ method: 'PATCH', path: `/${await fresh('sibling')}`, body: { version: 1, measures: 'm' } }) },
  { name: 'POST own transition', expect: writers(201), request: async () => ({ method: 'POST', path: `/${await fresh('own')}/transitions`, body: { to: 'rectifying', reason: 'r', version: 1 } }) },
  { name: 'POST sibling transition', expect: writers(sameDistrictOnly(201, 404)), request: async () => ({ method: 'POST', path: `/${await fresh('sibling')}/transitions`, body: { to: 'rectifying', reason: 'r', version: 1 } }) },
]

/** A thin polygon from the own township's point to the sibling's. */
function reaching() {
  const [a, b] = [at.own, at.sibling]
  const d = offset(a, 30, 0).lat - a.lat
  return { type: 'Polygon', coordinates: [[[a.lon, a.lat], [b.lon, b.lat], [b.lon, b.lat + d], [a.lon, a.lat + d], [a.lon, a.lat]]] }
}

beforeAll(async () => {
  users = await scopedUsers(ctx, matrixRoles, matrixScopes)
  at.own = await roomyPointIn(ctx.t.db, regions.township, 100)
  at.sibling = await roomyPointIn(ctx.t.db, regions.sibling, 100)
  ids.own = await fresh('own')
  ids.sibling = await fresh('sibling')
})

const rows = matrixRows(endpoints)

describe('listed hotspots: authorization matrix (session cookie + CSRF)', () => {
  it.each(rows)('%s', async (_label, r) => {
    const user = users.get(`${r.role}-${r.scope}`)!
    const req = await r.e.request()
    const res = await call(ctx.app, req.method, `/api/listed-hotspots${req.path}`, { auth: user.session, ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }) })
    expect(res.status, res.text.slice(0, 300)).toBe(r.status)
    if (res.status >= 400)
      expect(res.body.error.code).toBeTypeOf('string')
    if (res.status === 403 && r.role !== 'analyst' && r.role !== 'display')
      expect(res.body.error).toMatchObject({ code: 'outside_scope', message: expect.stringMatching(/outside your region scope/) })
  })
})

describe('a township scope never sees the sibling township\'s hotspots', () => {
  it.each(matrixRoles)('%s @ township: list and exports hold only the own township', async (role) => {
    const user = users.get(`${role}-township`)!
    const list = await call(ctx.app, 'GET', '/api/listed-hotspots', { auth: user.session })
    const regionsSeen = new Set(list.body.features.map((f: any) => f.properties.region))
    expect([...regionsSeen]).toEqual([regions.township])
    if (role !== 'display') {
      const csv = await call(ctx.app, 'GET', '/api/listed-hotspots/export.csv', { auth: user.session })
      expect(csv.text).toContain(regions.township)
      expect(csv.text).not.toContain(regions.sibling)
    }
  })

  it('the district scope sees both, and nothing outside the district', async () => {
    const list = await call(ctx.app, 'GET', '/api/listed-hotspots', { auth: users.get('analyst-district')!.session })
    const seen: string[] = list.body.features.map((f: any) => f.properties.region)
    expect(seen).toEqual(expect.arrayContaining([regions.township, regions.sibling]))
    // The polygon reaching across has its point on surface wherever PostGIS puts it: still in the district.
    expect(seen.every(r => r.startsWith(regions.district))).toBe(true)
  })

  it('a township editor\'s polygon reaching outside the township is refused and writes nothing', async () => {
    const count = async () => (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM listed_hotspot'))[0]!.n
    const before = await count()
    const big = square(at.own, 20_000)
    const res = await call(ctx.app, 'POST', '/api/listed-hotspots', { auth: users.get('editor-township')!.session, body: JSON.stringify(draft('own', big)) })
    expect(res.status).toBe(403)
    expect(res.body.error.message).toMatch(new RegExp(`outside your region scope ${regions.township}`))
    expect(await count()).toBe(before)
  })
})
