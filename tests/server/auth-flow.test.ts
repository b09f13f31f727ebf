import { createApp } from '@riskmap/server/app.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, login } from '../helpers/http-client.ts'
import { createPrincipal, TEST_PASSWORD } from '../helpers/principals.ts'
import { eventsCsv, regions, valuesCsv } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const csv = (body: string) => ({ body, contentType: 'text/csv' })
const json = (body: unknown) => ({ body: JSON.stringify(body) })

beforeAll(async () => {
  await createPrincipal(ctx.t.db, { username: 'town-editor', role: 'editor', scope: regions.township })
  await createPrincipal(ctx.t.db, { username: 'city-admin', role: 'admin', scope: '*' })
})

describe('sessions', () => {
  it('login sets an HttpOnly SameSite cookie and returns user, role, scope and a CSRF token', async () => {
    const l = await login(ctx.app, 'town-editor', TEST_PASSWORD)
    expect(l.reply.status).toBe(200)
    expect(l.setCookie).toMatch(/^riskmap_session=rms_[\w-]+;/)
    expect(l.setCookie).toMatch(/;\s*HttpOnly/i)
    expect(l.setCookie).toMatch(/;\s*SameSite=(Lax|Strict)/i)
    expect(l.reply.body).toMatchObject({ user: { username: 'town-editor' }, role: 'editor', scope: { code: regions.township, level: 'township' } })
    expect(l.csrf).toMatch(/^[\w-]{20,}$/)
    const session = await call(ctx.app, 'GET', '/api/auth/session', { auth: { cookie: l.cookie } })
    expect(session.status).toBe(200)
    expect(session.body).toMatchObject({ user: l.reply.body.user, role: 'editor', scope: l.reply.body.scope, csrfToken: l.csrf })
    expect((await call(ctx.app, 'GET', '/api/auth/session')).status).toBe(401)
    expect((await call(ctx.app, 'GET', '/api/auth/session', { auth: { cookie: 'riskmap_session=rms_forgedforgedforgedforged' } })).status).toBe(401)
  })

  it('a cookie-authenticated write needs X-CSRF-Token', async () => {
    const l = await login(ctx.app, 'town-editor', TEST_PASSWORD)
    const body = csv(valuesCsv(regions.township, 3))
    const without = await call(ctx.app, 'POST', '/api/import/values?source=csrf', { auth: { cookie: l.cookie }, ...body })
    expect(without.status).toBe(403)
    expect(without.body.error.code).toBe('csrf')
    const wrong = await call(ctx.app, 'POST', '/api/import/values?source=csrf', { auth: { cookie: l.cookie, csrf: 'not-the-token' }, ...body })
    expect(wrong.status).toBe(403)
    const withToken = await call(ctx.app, 'POST', '/api/import/values?source=csrf', { auth: l.auth, ...body })
    expect(withToken.status).toBe(201)
  })

  it('a wrong password or an unknown user is 401', async () => {
    expect((await login(ctx.app, 'town-editor', 'not the password')).reply.status).toBe(401)
    const unknown = await login(ctx.app, 'nobody-here', TEST_PASSWORD)
    expect(unknown.reply.status).toBe(401)
    expect(unknown.setCookie).toBe('')
  })

  it('the 6th failed attempt is 429 with Retry-After, even with the right password', async () => {
    // A fresh app: the throttle is per process and counts failures per IP as well as per user.
    const app = createApp(ctx.t, { publicRead: false, ratePerSecond: 10_000, rateBurst: 100_000, sessionHours: 1 })
    for (let i = 0; i < 5; i++)
      expect((await login(app, 'town-editor', `wrong ${i}`)).reply.status).toBe(401)
    for (const password of ['wrong again', TEST_PASSWORD]) {
      const sixth = await login(app, 'town-editor', password)
      expect(sixth.reply.status).toBe(429)
      expect(Number(sixth.reply.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(sixth.setCookie).toBe('')
    }
  })

  it('logout is 204 and the cookie stops working', async () => {
    const l = await login(ctx.app, 'town-editor', TEST_PASSWORD)
    expect((await call(ctx.app, 'POST', '/api/auth/logout', { auth: l.auth })).status).toBe(204)
    expect((await call(ctx.app, 'GET', '/api/auth/session', { auth: { cookie: l.cookie } })).status).toBe(401)
  })
})

describe('tokens', () => {
  it('a personal token carries the user\'s role and scope and needs no CSRF header', async () => {
    const l = await login(ctx.app, 'town-editor', TEST_PASSWORD)
    const created = await call(ctx.app, 'POST', '/api/auth/tokens', { auth: l.auth, ...json({ kind: 'personal', name: 'nightly import' }) })
    expect(created.status).toBe(201)
    const bearer = { bearer: created.body.secret as string }
    const session = await call(ctx.app, 'GET', '/api/auth/session', { auth: bearer })
    expect(session.body).toMatchObject({ role: 'editor', scope: { code: regions.township }, via: 'personal' })
    const own = await call(ctx.app, 'POST', '/api/import/events?source=personal', { auth: bearer, ...csv(eventsCsv(regions.township, 2, { idPrefix: 'p' })) })
    expect(own.status).toBe(201)
    const sibling = await call(ctx.app, 'POST', '/api/import/events?source=personal', { auth: bearer, ...csv(eventsCsv(regions.sibling, 2, { idPrefix: 's' })) })
    expect(sibling.status).toBe(422)
  })

  it('a display token is read-only and bound to its scope', async () => {
    const l = await login(ctx.app, 'town-editor', TEST_PASSWORD)
    const created = await call(ctx.app, 'POST', '/api/auth/tokens', { auth: l.auth, ...json({ kind: 'display', name: 'wall', scope: regions.township }) })
    expect(created.status).toBe(201)
    expect(created.body.secret).toMatch(/^rmd_/)
    const bearer = { bearer: created.body.secret as string }
    expect((await call(ctx.app, 'GET', '/api/auth/session', { auth: bearer })).body).toMatchObject({ role: 'display', scope: { code: regions.township } })
    expect((await call(ctx.app, 'GET', `/api/regions/${regions.township}/summary?period=2026-01`, { auth: bearer })).status).toBe(200)
    expect((await call(ctx.app, 'GET', `/api/regions/${regions.sibling}/summary?period=2026-01`, { auth: bearer })).status).toBe(404)
    expect((await call(ctx.app, 'POST', '/api/import/values', { auth: bearer, ...csv(valuesCsv(regions.township, 1)) })).status).toBe(403)
    expect((await call(ctx.app, 'GET', '/api/auth/tokens', { auth: bearer })).status).toBe(403)
    // A display token may not be minted for a scope wider than its creator's.
    const wider = await call(ctx.app, 'POST', '/api/auth/tokens', { auth: l.auth, ...json({ kind: 'display', name: 'wide', scope: regions.district }) })
    expect(wider.status).toBe(404)
  })

  it('a revoked token is refused on the very next request', async () => {
    const l = await login(ctx.app, 'town-editor', TEST_PASSWORD)
    const created = await call(ctx.app, 'POST', '/api/auth/tokens', { auth: l.auth, ...json({ kind: 'display', name: 'to revoke' }) })
    const bearer = { bearer: created.body.secret as string }
    expect((await call(ctx.app, 'GET', '/api/meta', { auth: bearer })).status).toBe(200)
    const revoked = await call(ctx.app, 'DELETE', `/api/auth/tokens/${created.body.token.id}`, { auth: l.auth })
    expect(revoked.status).toBe(204)
    expect((await call(ctx.app, 'GET', '/api/meta', { auth: bearer })).status).toBe(401)
  })

  it('a disabled user\'s session and tokens stop working at once', async () => {
    const { userId, token } = await createPrincipal(ctx.t.db, { username: 'to-disable', role: 'analyst', scope: regions.district })
    const victim = await login(ctx.app, 'to-disable', TEST_PASSWORD)
    expect((await call(ctx.app, 'GET', '/api/meta', { auth: { bearer: token } })).status).toBe(200)
    const admin = await login(ctx.app, 'city-admin', TEST_PASSWORD)
    const patch = await call(ctx.app, 'PATCH', `/api/admin/users/${userId}`, { auth: admin.auth, ...json({ disabled: true }) })
    expect(patch.status).toBe(200)
    expect((await call(ctx.app, 'GET', '/api/auth/session', { auth: { cookie: victim.cookie } })).status).toBe(401)
    expect((await call(ctx.app, 'GET', '/api/meta', { auth: { bearer: token } })).status).toBe(401)
    expect((await login(ctx.app, 'to-disable', TEST_PASSWORD)).reply.status).toBe(401)
  })
})

describe('audit log', () => {
  it('records every change with actor, action, before/after and the request id', async () => {
    const admin = await login(ctx.app, 'city-admin', TEST_PASSWORD)
    const rid = (r: { headers: Headers }) => r.headers.get('x-request-id')!
    const token = await call(ctx.app, 'POST', '/api/auth/tokens', { auth: admin.auth, ...json({ kind: 'display', name: 'audited' }) })
    const revoke = await call(ctx.app, 'DELETE', `/api/auth/tokens/${token.body.token.id}`, { auth: admin.auth })
    const user = await call(ctx.app, 'POST', '/api/admin/users', { auth: admin.auth, ...json({ username: 'audited-user', password: 'a long enough password', role: 'analyst', scope: regions.district }) })
    const update = await call(ctx.app, 'PATCH', `/api/admin/users/${user.body.user.id}`, { auth: admin.auth, ...json({ role: 'editor' }) })
    const values = await call(ctx.app, 'POST', '/api/import/values?source=audited', { auth: admin.auth, ...csv(valuesCsv(regions.sibling, 4)) })
    const events = await call(ctx.app, 'POST', '/api/import/events?source=audited', { auth: admin.auth, ...csv(eventsCsv(regions.sibling, 2, { idPrefix: 'a' })) })
    expect([token, revoke, user, update, values, events].map(r => r.status)).toEqual([201, 204, 201, 200, 201, 201])

    const log = await call(ctx.app, 'GET', '/api/admin/audit?limit=500', { auth: admin.auth })
    expect(log.status).toBe(200)
    const entry = (r: { headers: Headers }) => log.body.entries.find((e: any) => e.requestId === rid(r))
    expect(entry(admin.reply)).toMatchObject({ actor: 'city-admin', action: 'auth.login', before: null, after: { ip: expect.any(String) } })
    expect(entry(token)).toMatchObject({ actor: 'city-admin', action: 'token.create', before: null, after: { name: 'audited', kind: 'display' } })
    expect(entry(revoke)).toMatchObject({ action: 'token.revoke', before: { revokedAt: null }, after: { revokedAt: expect.any(String) } })
    expect(entry(user)).toMatchObject({ action: 'user.create', before: null, after: { username: 'audited-user', role: 'analyst' } })
    expect(entry(update)).toMatchObject({ action: 'user.update', before: { role: 'analyst' }, after: { role: 'editor' } })
    expect(entry(values)).toMatchObject({ actor: 'city-admin', action: 'import.values', after: { inserted: 1 } })
    expect(entry(events)).toMatchObject({ actor: 'city-admin', action: 'import.events', after: { inserted: 2 } })
    for (const r of [admin.reply, token, revoke, user, update, values, events])
      expect(rid(r)).toMatch(/\S/)
    expect(log.text).not.toMatch(/scrypt\$|password_?hash/i)
    const filtered = await call(ctx.app, 'GET', '/api/admin/audit?action=token.&actor=city-admin', { auth: admin.auth })
    expect(new Set(filtered.body.entries.map((e: any) => e.action))).toEqual(new Set(['token.create', 'token.revoke']))
  })

  it('is append-only: the app role cannot UPDATE, DELETE or TRUNCATE it', async () => {
    const count = async () => (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n
    const before = await count()
    expect(before).toBeGreaterThan(0)
    for (const sql of ['DELETE FROM audit_log', `UPDATE audit_log SET actor = 'someone else'`, 'TRUNCATE audit_log']) {
      const attempt = ctx.t.db.scoped('*', 'write', q => q.query(sql))
      await expect(attempt, sql).rejects.toMatchObject({ code: '42501' })
    }
    expect(await count()).toBe(before)
  })

  it('no API route deletes or rewrites entries', async () => {
    const admin = await login(ctx.app, 'city-admin', TEST_PASSWORD)
    const first = (await ctx.t.db.query<{ id: number }>('SELECT min(id)::int AS id FROM audit_log'))[0]!.id
    const count = async () => (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n
    const before = await count()
    for (const method of ['DELETE', 'PUT', 'PATCH']) {
      for (const path of ['/api/admin/audit', `/api/admin/audit/${first}`, '/api/audit']) {
        const res = await call(ctx.app, method, path, { auth: admin.auth, ...json({}) })
        expect(res.status, `${method} ${path}`).toBe(404)
      }
    }
    expect(await count()).toBe(before)
  })
})
