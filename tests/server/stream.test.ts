import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { liveBus } from '@riskmap/server/live/bus.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, login } from '../helpers/http-client.ts'
import { createPrincipal, TEST_PASSWORD } from '../helpers/principals.ts'
import { eventsCsv, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
let base: string
let close: () => Promise<void>

beforeAll(async () => {
  process.env.RISKMAP_SSE_HEARTBEAT_MS = '150'
  // A real Node server, so that the adapter's flushing and the client's disconnect are what is tested.
  const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise(resolve => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => new Promise(resolve => server.close(() => resolve()))
})
afterAll(async () => {
  delete process.env.RISKMAP_SSE_HEARTBEAT_MS
  await close?.()
})

interface SseMessage { event: string, id: string | null, data: any, retry: number | null }

/** Opens /api/stream with fetch and parses messages as they arrive. */
async function openStream(token: string) {
  const abort = new AbortController()
  const res = await fetch(`${base}/api/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal })
  const messages: SseMessage[] = []
  let raw = ''
  const done = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done)
          return
        raw += value
        buffer += value
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const field = (k: string) => block.split('\n').filter(l => l.startsWith(`${k}: `)).map(l => l.slice(k.length + 2))
          const data = field('data').join('\n')
          messages.push({ event: field('event')[0] ?? 'message', id: field('id')[0] ?? null, data: data ? JSON.parse(data) : null, retry: field('retry')[0] ? Number(field('retry')[0]) : null })
          end = buffer.indexOf('\n\n')
        }
      }
    }
    catch {}
  })()
  /** Waits until a message matching the predicate has arrived. */
  const next = async (pred: (m: SseMessage) => boolean, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      const m = messages.find(pred)
      if (m)
        return m
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    throw new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages.map(m => m.event))}`)
  }
  let ended = false
  void done.then(() => {
    ended = true
  })
  const stop = async () => {
    abort.abort()
    await done
  }
  return { res, messages, next, raw: () => raw, stop, ended: () => ended }
}

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!check() && Date.now() < until)
    await new Promise(resolve => setTimeout(resolve, 20))
}

describe('the event stream', () => {
  it('greets, announces imports to the principals whose scope they touch, beats, and lets go on abort', async () => {
    const listenersBefore = liveBus.listenerCount()
    const township = (await createPrincipal(ctx.t.db, { username: 'wall-screen', role: 'display', scope: regions.township, tokenKind: 'display' })).token
    const all = await openStream(ctx.adminToken)
    const mine = await openStream(township)
    expect(all.res.status).toBe(200)
    expect(all.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(all.res.headers.get('cache-control')).toBe('no-cache')

    const hello = await all.next(m => m.event === 'hello')
    expect(all.messages[0]).toMatchObject({ retry: 3000, event: 'message' })
    expect(all.raw().startsWith('retry: 3000\n\n')).toBe(true)
    expect(hello.id).toBe('1')
    expect(hello.data).toMatchObject({ dataVersion: 0 })
    expect(Math.abs(Date.parse(hello.data.serverTime) - Date.now())).toBeLessThan(10_000)
    await mine.next(m => m.event === 'hello')
    await waitFor(() => liveBus.listenerCount() === listenersBefore + 2)
    expect(liveBus.listenerCount()).toBe(listenersBefore + 2)

    // An import into the sibling township: the city-wide screen hears it, the township screen does not.
    const sibling = await ctx.post('/api/import/events?source=sse-a', eventsCsv(regions.sibling, 3, { idPrefix: 'sse-a', at: '2025-08-15 12:00:00' }))
    expect(sibling.status, JSON.stringify(sibling.body)).toBe(201)
    const first = await all.next(m => m.event === 'import')
    expect(first.data).toMatchObject({ kind: 'events', importId: sibling.body.importId, rows: 3, months: ['2025-08'], regions: [regions.sibling], dataVersion: sibling.body.importId })
    expect(Date.parse(first.data.at)).not.toBeNaN()

    const own = await ctx.post('/api/import/events?source=sse-b', eventsCsv(regions.township, 2, { idPrefix: 'sse-b', at: '2025-09-01 00:10:00' }))
    expect(own.status).toBe(201)
    const heard = await mine.next(m => m.event === 'import')
    expect(heard.data).toMatchObject({ importId: own.body.importId, months: ['2025-09'], regions: [regions.township], dataVersion: own.body.importId })
    await all.next(m => m.event === 'import' && m.data.importId === own.body.importId)
    expect(mine.messages.filter(m => m.event === 'import')).toHaveLength(1)

    // Values delivered for the district touch a region the township screen cannot see.
    const values = await ctx.post('/api/import/values?source=sse-c', `region,indicator,month,value\n${regions.district},B2-01,2025-09,4`)
    expect(values.status).toBe(201)
    await all.next(m => m.event === 'import' && m.data.kind === 'values' && m.data.regions[0] === regions.district)

    // Heartbeats, each with an id that keeps counting, carrying the latest data version.
    await mine.next(m => m.event === 'heartbeat' && m.data.dataVersion === values.body.importId)
    const beats = mine.messages.filter(m => m.event === 'heartbeat')
    expect(beats.length).toBeGreaterThanOrEqual(1)
    const ids = mine.messages.filter(m => m.id !== null).map(m => Number(m.id))
    expect(ids).toEqual(ids.map((_, i) => i + 1))
    expect(mine.messages.filter(m => m.event === 'import')).toHaveLength(1)

    // A client that goes away leaves nothing subscribed.
    await all.stop()
    await waitFor(() => liveBus.listenerCount() === listenersBefore + 1)
    expect(liveBus.listenerCount()).toBe(listenersBefore + 1)
    await mine.stop()
    await waitFor(() => liveBus.listenerCount() === listenersBefore)
    expect(liveBus.listenerCount()).toBe(listenersBefore)
  })

  it('starts from the current data version and refuses a request without a principal', async () => {
    const s = await openStream(ctx.adminToken)
    const hello = await s.next(m => m.event === 'hello')
    const [row] = await ctx.t.db.query<{ id: string }>('SELECT max(id) AS id FROM import_batch')
    expect(hello.data.dataVersion).toBe(Number(row!.id))
    // An import by another process (the CLI) is not on this process's bus: the heartbeat's data
    // version, read from the database, still moves.
    const [cli] = await ctx.t.db.query<{ id: string }>(`INSERT INTO import_batch (kind, source, actor) VALUES ('values', 'cli-elsewhere', 'cli') RETURNING id`)
    await s.next(m => m.event === 'heartbeat' && m.data.dataVersion === Number(cli!.id))
    expect(s.messages.filter(m => m.event === 'import')).toEqual([])
    await s.stop()
    const anonymous = await fetch(`${base}/api/stream`)
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).error.code).toBe('unauthenticated')
  })

  it('ends when its token is revoked, and the token is then refused', async () => {
    const listenersBefore = liveBus.listenerCount()
    await createPrincipal(ctx.t.db, { username: 'wall-owner', role: 'editor', scope: regions.township })
    const owner = await login(ctx.app, 'wall-owner', TEST_PASSWORD)
    const created = await call(ctx.app, 'POST', '/api/auth/tokens', { auth: owner.auth, body: JSON.stringify({ kind: 'display', name: 'wall to revoke' }) })
    expect(created.status).toBe(201)
    const { token, secret } = created.body as { token: { id: number }, secret: string }
    const s = await openStream(secret)
    await s.next(m => m.event === 'heartbeat')
    expect(s.ended()).toBe(false)
    const revoked = await call(ctx.app, 'DELETE', `/api/auth/tokens/${token.id}`, { auth: owner.auth })
    expect(revoked.status).toBe(204)
    await waitFor(() => s.ended())
    expect(s.ended(), 'the stream ends within a few heartbeats of the revocation').toBe(true)
    await waitFor(() => liveBus.listenerCount() === listenersBefore)
    expect(liveBus.listenerCount()).toBe(listenersBefore)
    const again = await fetch(`${base}/api/stream`, { headers: { authorization: `Bearer ${secret}` } })
    expect(again.status).toBe(401)
    await s.stop()
  })
})
