import type { TestDatabase } from './test-db.ts'
import { createApp } from '@riskmap/server/app.ts'
import { afterAll, beforeAll, inject } from 'vitest'
import { openTestDatabase } from './test-db.ts'

export interface TestContext {
  t: TestDatabase
  app: ReturnType<typeof createApp>
  /** GET a path and return status and parsed JSON. */
  get: (path: string) => Promise<{ status: number, body: any }>
  /** POST a body and return status and parsed JSON. */
  post: (path: string, body: string, contentType?: string) => Promise<{ status: number, body: any }>
}

/** Gives the test file its own database copy and an app to call with app.request(). */
export function useTestApp(): TestContext {
  const ctx = {} as TestContext
  beforeAll(async () => {
    ctx.t = await openTestDatabase(inject('dbTemplate'))
    ctx.app = createApp(ctx.t)
    ctx.get = async (path) => {
      const res = await ctx.app.request(path)
      return { status: res.status, body: await res.json() }
    }
    ctx.post = async (path, body, contentType = 'text/csv') => {
      const res = await ctx.app.request(path, { method: 'POST', body, headers: { 'content-type': contentType } })
      return { status: res.status, body: await res.json() }
    }
  })
  afterAll(async () => {
    await ctx.t?.close()
  })
  return ctx
}
