import type { Expected } from '../helpers/authz-expect.ts'
import type { ScopedUser } from '../helpers/scoped-principals.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { matrixRoles, matrixScopes } from '../fixtures/authz-matrix.ts'
import { everyone, hiddenFromTownship, sameDistrictOnly, writers } from '../helpers/authz-expect.ts'
import { matrixRows } from '../helpers/authz-rows.ts'
import { call } from '../helpers/http-client.ts'
import { eventsCsv, regions } from '../helpers/scope-fixture.ts'
import { scopedUsers } from '../helpers/scoped-principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

/**
 * The authorization matrix for /api/patrol-plans: role × scope × endpoint. Solving is a read;
 * saving and deleting are writes, audited; a township's staff neither see nor plan for the
 * sibling township. Deletes get a fresh plan per row.
 */
const ctx = useTestApp()
let users: Map<string, ScopedUser>
const ids: Record<'own' | 'sibling', number> = {} as never
const solve = (region: string) => ({ region, k: 1, cellSize: 500, minutes: 5, months: 1, to: '2025-06' })

async function fresh(where: 'own' | 'sibling'): Promise<number> {
  const region = where === 'own' ? regions.township : regions.sibling
  const res = await call(ctx.app, 'POST', '/api/patrol-plans', { auth: { bearer: ctx.adminToken }, body: JSON.stringify({ name: `matrix ${where}`, ...solve(region) }) })
  expect(res.status, res.text).toBe(201)
  return res.body.plan.id
}

interface Endpoint { name: string, expect: Expected, request: () => Promise<{ method: string, path: string, body?: unknown }> }

const endpoints: Endpoint[] = [
  { name: 'GET list', expect: everyone(200), request: async () => ({ method: 'GET', path: '/api/patrol-plans' }) },
  { name: 'GET own plan', expect: everyone(200), request: async () => ({ method: 'GET', path: `/api/patrol-plans/${ids.own}` }) },
  { name: 'GET sibling plan', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/api/patrol-plans/${ids.sibling}` }) },
  { name: 'GET own compare', expect: everyone(200), request: async () => ({ method: 'GET', path: `/api/patrol-plans/${ids.own}/compare` }) },
  { name: 'GET sibling compare', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'GET', path: `/api/patrol-plans/${ids.sibling}/compare` }) },
  { name: 'POST solve own township', expect: everyone(200), request: async () => ({ method: 'POST', path: '/api/patrol-plans/solve', body: solve(regions.township) }) },
  { name: 'POST solve sibling township', expect: everyone(hiddenFromTownship(200)), request: async () => ({ method: 'POST', path: '/api/patrol-plans/solve', body: solve(regions.sibling) }) },
  { name: 'POST route', expect: everyone(200), request: async () => ({ method: 'POST', path: '/api/patrol-plans/route', body: { points: [[122.8, 45.6], [122.81, 45.61]] } }) },
  { name: 'POST save for own township', expect: writers(201), request: async () => ({ method: 'POST', path: '/api/patrol-plans', body: { name: 'mine', ...solve(regions.township) } }) },
  { name: 'POST save for sibling township', expect: writers(sameDistrictOnly(201, 404)), request: async () => ({ method: 'POST', path: '/api/patrol-plans', body: { name: 'theirs', ...solve(regions.sibling) } }) },
  { name: 'DELETE own plan', expect: writers(200), request: async () => ({ method: 'DELETE', path: `/api/patrol-plans/${await fresh('own')}` }) },
  { name: 'DELETE sibling plan', expect: writers(sameDistrictOnly(200, 404)), request: async () => ({ method: 'DELETE', path: `/api/patrol-plans/${await fresh('sibling')}` }) },
]

beforeAll(async () => {
  users = await scopedUsers(ctx, matrixRoles, matrixScopes)
  for (const [township, prefix] of [[regions.township, 'own'], [regions.sibling, 'sib']] as const) {
    const res = await ctx.post('/api/import/events?source=plans-authz', eventsCsv(township, 5, { idPrefix: prefix, at: '2025-06-15 12:00:00' }))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
  ids.own = await fresh('own')
  ids.sibling = await fresh('sibling')
})

const rows = matrixRows(endpoints)

async function writes() {
  return (await ctx.t.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM patrol_plan)::int * 1000 + (SELECT count(*) FROM audit_log WHERE entity = 'patrol_plan')::int AS n`))[0]!.n
}

describe('patrol plans: authorization matrix (session cookie + CSRF)', () => {
  it.each(rows)('%s', async (_label, r) => {
    const user = users.get(`${r.role}-${r.scope}`)!
    const req = await r.e.request()
    const before = await writes()
    const res = await call(ctx.app, req.method, req.path, { auth: user.session, ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }) })
    expect(res.status, res.text.slice(0, 300)).toBe(r.status)
    if (res.status >= 400) {
      expect(res.body.error.code).toBeTypeOf('string')
      expect(await writes(), 'a refused request writes nothing').toBe(before)
    }
    if (res.status === 201) {
      const [audit] = await ctx.t.db.query<{ actor: string, scope: string }>(`SELECT actor, scope FROM audit_log WHERE action = 'patrol_plan.create' AND entity_id = $1`, [String(res.body.plan.id)])
      expect(audit).toEqual({ actor: user.username, scope: user.scope })
    }
  })
})

describe('a township scope never sees the sibling township\'s plans', () => {
  it.each(matrixRoles)('%s @ township: the list holds only the own township', async (role) => {
    const list = await call(ctx.app, 'GET', '/api/patrol-plans', { auth: users.get(`${role}-township`)!.session })
    expect(list.body.plans.length).toBeGreaterThan(0)
    expect(new Set(list.body.plans.map((p: any) => p.region))).toEqual(new Set([regions.township]))
  })

  it('the district scope sees both', async () => {
    const list = await call(ctx.app, 'GET', '/api/patrol-plans', { auth: users.get('analyst-district')!.session })
    expect(new Set(list.body.plans.map((p: any) => p.region))).toEqual(new Set([regions.township, regions.sibling]))
  })
})
