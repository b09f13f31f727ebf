import type { Expected } from '../helpers/authz-expect.ts'
import type { ScopedUser } from '../helpers/scoped-principals.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { matrixRoles, matrixScopes } from '../fixtures/authz-matrix.ts'
import { everyone, hiddenFromTownship, sameDistrictOnly, writers } from '../helpers/authz-expect.ts'
import { matrixRows } from '../helpers/authz-rows.ts'
import { call } from '../helpers/http-client.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { scopedUsers } from '../helpers/scoped-principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

/**
 * The authorization matrix for /api/response-units, its reach, the coverage and the CSV import:
 * role × scope × endpoint. Writes get a fresh unit per row, so versions never collide.
 */
const ctx = useTestApp()
let users: Map<string, ScopedUser>
const [own] = pointsIn(regions.township, 1) as [{ lon: number, lat: number }]
const [sibling] = pointsIn(regions.sibling, 1) as [{ lon: number, lat: number }]
const at = { own, sibling }
const ids: Record<'own' | 'sibling', number> = {} as never

const cityOnly = (ok: number) => ({ all: ok, district: 404, township: 404 })

function draft(where: 'own' | 'sibling') {
  return { name: `matrix ${where}`, type: 'grid_worker', staff: 1, geometry: { type: 'Point', coordinates: [at[where].lon, at[where].lat] } }
}

async function fresh(where: 'own' | 'sibling'): Promise<number> {
  const res = await call(ctx.app, 'POST', '/api/response-units', { auth: { bearer: ctx.adminToken }, body: JSON.stringify(draft(where)) })
  expect(res.status, res.text).toBe(201)
  return res.body.unit.id
}

const csv = (where: 'own' | 'sibling') => `name,type,lon,lat\nmatrix ${where},volunteer,${at[where].lon},${at[where].lat}`

interface Endpoint { name: string, expect: Expected, request: () => Promise<{ method: string, path: string, body?: unknown, csv?: string }> }

const endpoints: Endpoint[] = [
  { name: 'GET list', expect: everyone(200), request: async () => ({ method: 'GET', path: '/api/response-units' }) },
  { name: 'GET own-township unit', expect: everyone(200), request: async () => ({ method: 'GET', path: `/api/response-units/${ids.own}` }) },
  { name: 'GET sibling-township unit', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/api/response-units/${ids.sibling}` }) },
  { name: 'GET own reach', expect: everyone(200), request: async () => ({ method: 'GET', path: `/api/response-units/${ids.own}/reach` }) },
  { name: 'GET sibling reach', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/api/response-units/${ids.sibling}/reach` }) },
  { name: 'GET coverage: townships of own district', expect: everyone(200), request: async () => ({ method: 'GET', path: `/api/coverage?level=township&parent=${regions.district}&months=3&to=2026-01` }) },
  { name: 'GET coverage: townships of sibling district', expect: everyone(cityOnly(200)), request: async () => ({ method: 'GET', path: `/api/coverage?level=township&parent=${regions.siblingDistrict}&months=3&to=2026-01` }) },
  { name: 'POST create in own township', expect: writers(201), request: async () => ({ method: 'POST', path: '/api/response-units', body: draft('own') }) },
  { name: 'POST create in sibling township', expect: writers(sameDistrictOnly(201, 403)), request: async () => ({ method: 'POST', path: '/api/response-units', body: draft('sibling') }) },
  { name: 'PATCH own unit', expect: writers(200), request: async () => ({ method: 'PATCH', path: `/api/response-units/${await fresh('own')}`, body: { version: 1, staff: 2 } }) },
  { name: 'PATCH own unit, moving it to the sibling', expect: writers(sameDistrictOnly(200, 403)), request: async () => ({ method: 'PATCH', path: `/api/response-units/${await fresh('own')}`, body: { version: 1, geometry: draft('sibling').geometry } }) },
  { name: 'PATCH sibling unit', expect: writers(sameDistrictOnly(200, 404)), request: async () => ({ method: 'PATCH', path: `/api/response-units/${await fresh('sibling')}`, body: { version: 1, staff: 2 } }) },
  { name: 'DELETE own unit', expect: writers(200), request: async () => ({ method: 'DELETE', path: `/api/response-units/${await fresh('own')}?version=1` }) },
  { name: 'DELETE sibling unit', expect: writers(sameDistrictOnly(200, 404)), request: async () => ({ method: 'DELETE', path: `/api/response-units/${await fresh('sibling')}` }) },
  { name: 'POST import into own township', expect: writers(201), request: async () => ({ method: 'POST', path: '/api/import/response-units', csv: csv('own') }) },
  { name: 'POST import into sibling township', expect: writers(sameDistrictOnly(201, 422)), request: async () => ({ method: 'POST', path: '/api/import/response-units', csv: csv('sibling') }) },
]

beforeAll(async () => {
  users = await scopedUsers(ctx, matrixRoles, matrixScopes)
  ids.own = await fresh('own')
  ids.sibling = await fresh('sibling')
})

const rows = matrixRows(endpoints)

async function unitCount() {
  return (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM response_unit'))[0]!.n
}

describe('response units: authorization matrix (session cookie + CSRF)', () => {
  it.each(rows)('%s', async (_label, r) => {
    const user = users.get(`${r.role}-${r.scope}`)!
    const req = await r.e.request()
    const before = await unitCount()
    const body = req.csv ?? (req.body === undefined ? undefined : JSON.stringify(req.body))
    const res = await call(ctx.app, req.method, req.path, { auth: user.session, ...(body === undefined ? {} : { body, contentType: req.csv ? 'text/csv' : 'application/json' }) })
    expect(res.status, res.text.slice(0, 300)).toBe(r.status)
    if (res.status >= 400) {
      expect(res.body.error.code).toBeTypeOf('string')
      // A refused write writes nothing.
      expect(await unitCount()).toBe(before)
    }
    if (res.status === 403 && r.role !== 'analyst' && r.role !== 'display')
      expect(res.body.error).toMatchObject({ code: 'outside_scope', message: expect.stringMatching(/outside your region scope/) })
  })
})

describe('a township scope never sees the sibling township\'s units', () => {
  it.each(matrixRoles)('%s @ township: the list holds only the own township', async (role) => {
    const list = await call(ctx.app, 'GET', '/api/response-units', { auth: users.get(`${role}-township`)!.session })
    expect(new Set(list.body.features.map((f: any) => f.properties.region))).toEqual(new Set([regions.township]))
  })

  it('the district scope sees both', async () => {
    const list = await call(ctx.app, 'GET', '/api/response-units', { auth: users.get('analyst-district')!.session })
    expect(new Set(list.body.features.map((f: any) => f.properties.region))).toEqual(new Set([regions.township, regions.sibling]))
  })
})
