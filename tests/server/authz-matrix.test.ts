import type { MatrixBody, MatrixRow } from '../fixtures/authz-matrix.ts'
import type { ScopedUser } from '../helpers/scoped-principals.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { matrixRoles, matrixRows, matrixScopes } from '../fixtures/authz-matrix.ts'
import { call } from '../helpers/http-client.ts'
import { eventsCsv, regions, valuesCsv } from '../helpers/scope-fixture.ts'
import { scopedUsers } from '../helpers/scoped-principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
let users: Map<string, ScopedUser>
let serial = 0

beforeAll(async () => {
  users = await scopedUsers(ctx, matrixRoles, matrixScopes)
})

function fill(path: string, unique: string): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => key === 'unique' ? unique : regions[key as keyof typeof regions])
}

function bodyFor(kind: MatrixBody, user: ScopedUser, unique: string): { body: string, contentType: string } {
  const csv = (body: string) => ({ body, contentType: 'text/csv' })
  const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json' })
  switch (kind) {
    case 'eventsInTownship': return csv(eventsCsv(regions.township, 2, { idPrefix: unique }))
    case 'eventsInSibling': return csv(eventsCsv(regions.sibling, 2, { idPrefix: unique }))
    case 'valuesForTownship': return csv(valuesCsv(regions.township, 1))
    case 'valuesForSibling': return csv(valuesCsv(regions.sibling, 1))
    case 'valuesForSiblingDistrict': return csv(valuesCsv(regions.siblingDistrict, 1))
    case 'newToken': return json({ kind: 'personal', name: `matrix ${unique}` })
    case 'newUser': return json({ username: unique, password: 'a long enough password', role: 'analyst', scope: user.scope })
  }
}

describe('authorization matrix (session cookie + CSRF)', () => {
  it.each(matrixRows().map(r => [r.label, r] as [string, MatrixRow]))('%s', async (_label, row) => {
    const user = users.get(`${row.role}-${row.scope}`)!
    const unique = `m${++serial}-${row.role}-${row.scope}`
    const body = row.endpoint.body ? bodyFor(row.endpoint.body, user, unique) : undefined
    const res = await call(ctx.app, row.endpoint.method, fill(row.endpoint.path, unique), { auth: user.session, ...body })
    expect(res.status, res.text.slice(0, 400)).toBe(row.status)
    if (res.status >= 400)
      expect(res.body.error.code).toBeTypeOf('string')
    const explanation = row.endpoint.explains?.[res.status]
    if (explanation)
      expect(res.text).toMatch(explanation)
  })
})

// Known data in two sibling townships, in months the matrix rows never write (2026-01, 2024-03).
const own = { events: 3, value: 7 }
const sibling = { events: 5, value: 11, earlyEvents: 2 }
const period = 'period=2026-01'

describe('a sibling township\'s numbers never reach a township scope', () => {
  beforeAll(async () => {
    const imports = [
      ['/api/import/events?source=iso-own', eventsCsv(regions.township, own.events, { idPrefix: 'own', at: '2026-01-10 12:00:00' })],
      ['/api/import/events?source=iso-sib', eventsCsv(regions.sibling, sibling.events, { idPrefix: 'sib', at: '2026-01-10 12:00:00' })],
      ['/api/import/events?source=iso-early', eventsCsv(regions.sibling, sibling.earlyEvents, { idPrefix: 'early', at: '2024-03-10 12:00:00' })],
      ['/api/import/values?source=iso', `${valuesCsv(regions.township, own.value, { month: '2026-01' })}\n${regions.sibling},B2-01,2026-01,${sibling.value}`],
    ] as const
    for (const [path, csv] of imports) {
      const res = await ctx.post(path, csv)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
  })
  const ownTotal = own.events + own.value
  const siblingTotal = sibling.events + sibling.value
  const get = async (user: string, path: string) => call(ctx.app, 'GET', path, { auth: users.get(user)!.session })

  it.each(matrixRoles)('%s @ township: the district choropleth lists only the own township, with its own count', async (role) => {
    const res = await get(`${role}-township`, `/api/choropleth?level=township&parent=${regions.district}&${period}`)
    expect(res.status).toBe(200)
    expect(res.body.regions.map((r: any) => [r.code, r.value])).toEqual([[regions.township, ownTotal]])
  })

  it.each(matrixRoles)('%s @ township: region lists and the city choropleth show no sibling', async (role) => {
    const user = `${role}-township`
    const towns = await get(user, `/api/regions?level=township&parent=${regions.district}`)
    expect(towns.body.features.map((f: any) => f.id)).toEqual([regions.township])
    const districts = await get(user, `/api/regions?level=district&parent=${regions.city}`)
    const choropleth = await get(user, `/api/choropleth?level=district&parent=${regions.city}&${period}`)
    for (const res of [districts, choropleth]) {
      expect(res.status).toBe(200)
      expect(res.text).not.toContain(regions.sibling)
      expect(res.text).not.toContain(regions.siblingDistrict)
    }
    // The district row would be the sum of both townships: it must not be readable from here.
    expect(choropleth.body.regions.map((r: any) => r.value)).not.toContain(ownTotal + siblingTotal)
  })

  it.each(matrixRoles)('%s @ township: the summary counts only its own data, and meta only its own months', async (role) => {
    const user = `${role}-township`
    const summary = await get(user, `/api/regions/${regions.township}/summary?${period}`)
    expect(summary.body.total).toBe(ownTotal)
    expect(summary.body.trend.find((t: any) => t.month === '2024-03')?.value ?? 0).toBe(0)
    const meta = await get(user, '/api/meta')
    expect(meta.body.months.from > '2024-03').toBe(true)
    for (const res of [summary, meta])
      expect(res.text).not.toContain(regions.sibling)
  })

  it('the district scope sees both townships; the city scope sees the district total', async () => {
    const district = await get('analyst-district', `/api/choropleth?level=township&parent=${regions.district}&${period}`)
    const values = Object.fromEntries(district.body.regions.map((r: any) => [r.code, r.value]))
    expect(values[regions.township]).toBe(ownTotal)
    expect(values[regions.sibling]).toBe(siblingTotal)
    const city = await get('analyst-all', `/api/choropleth?level=district&parent=${regions.city}&${period}`)
    expect(city.body.regions.find((r: any) => r.code === regions.district).value).toBe(ownTotal + siblingTotal)
    expect((await get('analyst-all', '/api/meta')).body.months.from).toBe('2024-03')
  })

  it('a township editor\'s import of sibling rows is refused and writes nothing there', async () => {
    const count = async () => (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM event WHERE township = $1', [regions.sibling]))[0]!.n
    const before = await count()
    const res = await call(ctx.app, 'POST', '/api/import/events?source=iso-sneak', { auth: users.get('editor-township')!.session, body: eventsCsv(regions.sibling, 4, { idPrefix: 'sneak' }), contentType: 'text/csv' })
    expect(res.status).toBe(422)
    expect(res.text).toMatch(/outside every loaded township/)
    expect(await count()).toBe(before)
  })
})
