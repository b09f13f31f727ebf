import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { hashPassword, passwordProblem } from '../auth/passwords.ts'
import { roles } from '../auth/roles.ts'
import { onClient } from '../db/database.ts'
import { fail } from '../http/errors.ts'
import { regionCode } from '../http/params.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { listAudit } from '../queries/audit-list.ts'
import { appendAudit } from '../queries/audit.ts'
import { getUser, insertUser, listUsersInScope, scopeContains, updateUser } from '../queries/users.ts'

const scope = z.union([z.literal('*'), regionCode])
const password = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p)
  if (problem)
    ctx.addIssue({ code: 'custom', message: problem })
})
// Date.parse accepts 2026-02-30 (as 2 March): a real day must survive the round trip.
const day = z.string().regex(/^(19[7-9]\d|20\d\d|2100)-\d{2}-\d{2}$/, 'expected YYYY-MM-DD between 1970 and 2100').refine((d) => {
  const t = new Date(`${d}T00:00:00Z`)
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d)
}, 'not a real date')
const text = z.string().max(100)

export const adminRoutes = new Hono<AppEnv>()
  .use(allow('admin'))
  .get('/users', async (c) => {
    const users = await listUsersInScope(c.get('deps').db, c.get('principal').scope)
    return c.json({ users })
  })
  .post('/users', validate('json', z.object({ username: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, _ . - (1–64)'), password, role: z.enum(roles), scope })), async (c) => {
    const body = c.req.valid('json')
    const p = c.get('principal')
    const { db } = c.get('deps')
    if (!(await scopeContains(db, p.scope, body.scope)))
      fail(404, 'unknown_region', `unknown region "${body.scope}"`)
    const passwordHash = await hashPassword(body.password)
    const user = await db.transaction(async (client) => {
      const row = await insertUser(onClient(client), { username: body.username, passwordHash, role: body.role, scope: body.scope })
      await appendAudit(client, { actor: actorOf(p), action: 'user.create', entity: 'app_user', entityId: String(row.id), before: null, after: row, requestId: c.get('requestId'), scope: p.scope })
      return row
    })
    return c.json({ user }, 201)
  })
  .patch('/users/:id', validate('param', z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })), validate('json', z.object({ role: z.enum(roles).optional(), scope: scope.optional(), disabled: z.boolean().optional(), password: password.optional() }).strict()), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const p = c.get('principal')
    const { db } = c.get('deps')
    const before = (await listUsersInScope(db, p.scope)).find(u => u.id === id)
    if (!before)
      fail(404, 'not_found', `no user ${id}`)
    if (body.scope && !(await scopeContains(db, p.scope, body.scope)))
      fail(404, 'unknown_region', `unknown region "${body.scope}"`)
    if (id === p.userId && (body.disabled || (body.role && body.role !== 'admin')))
      fail(409, 'self_lockout', 'an admin cannot disable themselves or drop their own admin role')
    const passwordHash = body.password ? await hashPassword(body.password) : undefined
    const user = await db.transaction(async (client) => {
      const after = await updateUser(onClient(client), id, { role: body.role, scope: body.scope, disabled: body.disabled, passwordHash })
      await appendAudit(client, { actor: actorOf(p), action: body.password ? 'user.update+password' : 'user.update', entity: 'app_user', entityId: String(id), before, after, requestId: c.get('requestId'), scope: p.scope })
      return after
    })
    c.get('services').principals.clear()
    return c.json({ user: user ?? (await getUser(db, id))! })
  })
  .get('/audit', validate('query', z.object({ actor: text.optional(), action: text.optional(), entity: text.optional(), from: day.optional(), to: day.optional(), before: z.coerce.number().int().positive().max(2 ** 53).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) })), async (c) => {
    const f = c.req.valid('query')
    const entries = await read(c, db => listAudit(db, f))
    return c.json({ entries, nextBefore: entries.length === f.limit ? entries.at(-1)!.id : null })
  })
