import type { TestDatabase } from './test-db.ts'
import { createApp } from '@riskmap/server/app.ts'
import { afterAll, beforeAll, inject } from 'vitest'
import { createPrincipal } from './principals.ts'
import { openTestDatabase } from './test-db.ts'

export interface TestContext {
  t: TestDatabase
  app: ReturnType<typeof createApp>
  /** A bearer token for the admin with scope '*'. */
  adminToken: string
  /** GET a path (as the admin unless a token is given) and return status and parsed JSON. */
  get: (path: string, token?: string) => Promise<{ status: number, body: any }>
  /** POST a body (as the admin unless a token is given) and return status and parsed JSON. */
  post: (path: string, body: string, contentType?: string, token?: string) => Promise<{ status: number, body: any }>
}

async function parse(res: Response): Promise<{ status: number, body: any }> {
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/** Gives the test file its own database copy and an app to call with app.request(). */
export function useTestApp(): TestContext {
  const ctx = {} as TestContext
  beforeAll(async () => {
    ctx.t = await openTestDatabase(inject('dbTemplate'))
    ctx.app = createApp(ctx.t, { publicRead: false, ratePerSecond: 10_000, rateBurst: 100_000, sessionHours: 1 })
    ctx.adminToken = (await createPrincipal(ctx.t.db, { username: 'test-admin', role: 'admin', scope: '*' })).token
    const auth = (token?: string) => ({ authorization: `Bearer ${token ?? ctx.adminToken}` })
    ctx.get = async (path, token) => parse(await ctx.app.request(path, { headers: auth(token) }))
    ctx.post = async (path, body, contentType = 'text/csv', token) =>
      parse(await ctx.app.request(path, { method: 'POST', body, headers: { 'content-type': contentType, ...auth(token) } }))
  })
  afterAll(async () => {
    await ctx.t?.close()
  })
  return ctx
}
