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
 * The authorization matrix for /api/patrol-zones and its heatmap: role × scope × endpoint. Zones
 * are short lines inside one township (region = that township), or one line across both
 * townships (region = the district). Writes get a fresh zone per row, so versions never collide.
 */
const ctx = useTestApp()
let users: Map<string, ScopedUser>
const [own1, own2] = pointsIn(regions.township, 2) as Array<{ lon: number, lat: number }>
const [sib1, sib2] = pointsIn(regions.sibling, 2) as Array<{ lon: number, lat: number }>
const lines = {
  own: [own1!, own2!],
  sibling: [sib1!, sib2!],
  across: [own1!, sib1!],
}
type Where = keyof typeof lines
const ids: Record<Where, number> = {} as never

function draft(where: Where) {
  return { name: `matrix ${where}`, type: 'back_alley', shifts: [{ start: '20:00', end: '02:00' }], geometry: { type: 'LineString', coordinates: lines[where].map(p => [p.lon, p.lat]) } }
}

async function fresh(where: Where): Promise<number> {
  const res = await call(ctx.app, 'POST', '/api/patrol-zones', { auth: { bearer: ctx.adminToken }, body: JSON.stringify(draft(where)) })
  expect(res.status, res.text).toBe(201)
  return res.body.zone.id
}

interface Endpoint { name: string, expect: Expected, request: () => Promise<{ method: string, path: string, body?: unknown }> }

const endpoints: Endpoint[] = [
  { name: 'GET list', expect: everyone(200), request: async () => ({ method: 'GET', path: '/api/patrol-zones' }) },
  { name: 'GET own-township zone', expect: everyone(200), request: async () => ({ method: 'GET', path: `/api/patrol-zones/${ids.own}` }) },
  { name: 'GET sibling-township zone', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/api/patrol-zones/${ids.sibling}` }) },
  { name: 'GET zone across both townships (district region)', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/api/patrol-zones/${ids.across}` }) },
  { name: 'GET own heatmap', expect: everyone(200), request: async () => ({ method: 'GET', path: `/api/patrol-zones/${ids.own}/heatmap?months=3&to=2026-01` }) },
  { name: 'GET sibling heatmap', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/api/patrol-zones/${ids.sibling}/heatmap?months=3&to=2026-01` }) },
  { name: 'POST create in own township', expect: writers(201), request: async () => ({ method: 'POST', path: '/api/patrol-zones', body: draft('own') }) },
  { name: 'POST create in sibling township', expect: writers(sameDistrictOnly(201, 403)), request: async () => ({ method: 'POST', path: '/api/patrol-zones', body: draft('sibling') }) },
  { name: 'POST create across both townships', expect: writers(sameDistrictOnly(201, 403)), request: async () => ({ method: 'POST', path: '/api/patrol-zones', body: draft('across') }) },
  { name: 'PATCH own zone', expect: writers(200), request: async () => ({ method: 'PATCH', path: `/api/patrol-zones/${await fresh('own')}`, body: { version: 1, team: 'B' } }) },
  { name: 'PATCH own zone, stretching it into the sibling', expect: writers(sameDistrictOnly(200, 403)), request: async () => ({ method: 'PATCH', path: `/api/patrol-zones/${await fresh('own')}`, body: { version: 1, geometry: draft('across').geometry } }) },
  { name: 'PATCH sibling zone', expect: writers(sameDistrictOnly(200, 404)), request: async () => ({ method: 'PATCH', path: `/api/patrol-zones/${await fresh('sibling')}`, body: { version: 1, team: 'B' } }) },
  { name: 'DELETE own zone', expect: writers(200), request: async () => ({ method: 'DELETE', path: `/api/patrol-zones/${await fresh('own')}?version=1` }) },
  { name: 'DELETE sibling zone', expect: writers(sameDistrictOnly(200, 404)), request: async () => ({ method: 'DELETE', path: `/api/patrol-zones/${await fresh('sibling')}` }) },
  { name: 'DELETE zone across both townships', expect: writers(sameDistrictOnly(200, 404)), request: async () => ({ method: 'DELETE', path: `/api/patrol-zones/${await fresh('across')}` }) },
]

beforeAll(async () => {
  users = await scopedUsers(ctx, matrixRoles, matrixScopes)
  ids.own = await fresh('own')
  ids.sibling = await fresh('sibling')
  ids.across = await fresh('across')
})

const rows = matrixRows(endpoints)

async function zoneState() {
  return (await ctx.t.db.query<{ n: number, v: number }>('SELECT count(*)::int AS n, coalesce(sum(version), 0)::int AS v FROM patrol_zone'))[0]!
}

describe('patrol zones: authorization matrix (session cookie + CSRF)', () => {
  it.each(rows)('%s', async (_label, r) => {
    const user = users.get(`${r.role}-${r.scope}`)!
    const req = await r.e.request()
    const before = await zoneState()
    const body = req.body === undefined ? undefined : JSON.stringify(req.body)
    const res = await call(ctx.app, req.method, req.path, { auth: user.session, ...(body === undefined ? {} : { body }) })
    expect(res.status, res.text.slice(0, 300)).toBe(r.status)
    if (res.status >= 400) {
      expect(res.body.error.code).toBeTypeOf('string')
      // A refused write writes nothing.
      expect(await zoneState()).toEqual(before)
    }
    if (res.status === 403 && r.role !== 'analyst' && r.role !== 'display')
      expect(res.body.error).toMatchObject({ code: 'outside_scope', message: expect.stringMatching(/outside your region scope/) })
  })
})

describe('a township scope never sees zones beyond its township', () => {
  it.each(matrixRoles)('%s @ township: the list holds only the own township', async (role) => {
    const list = await call(ctx.app, 'GET', '/api/patrol-zones', { auth: users.get(`${role}-township`)!.session })
    expect(new Set(list.body.features.map((f: any) => f.properties.region))).toEqual(new Set([regions.township]))
  })

  it('the district scope sees all three regions', async () => {
    const list = await call(ctx.app, 'GET', '/api/patrol-zones', { auth: users.get('analyst-district')!.session })
    expect(new Set(list.body.features.map((f: any) => f.properties.region))).toEqual(new Set([regions.township, regions.sibling, regions.district]))
  })
})
