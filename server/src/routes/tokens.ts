import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../auth/roles.ts'
import { newSecret, secretHash } from '../auth/secrets.ts'
import { onClient } from '../db/database.ts'
import { fail } from '../http/errors.ts'
import { regionCode } from '../http/params.ts'
import { actorOf } from '../http/principal.ts'
import { allow } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { appendAudit } from '../queries/audit.ts'
import { insertToken, listTokens, revokeToken } from '../queries/sessions.ts'
import { scopeContains } from '../queries/users.ts'

const newToken = z.object({
  kind: z.enum(['personal', 'display']),
  name: z.string().trim().min(1).max(100),
  scope: z.union([z.literal('*'), regionCode]).optional(),
})

export const tokenRoutes = new Hono<AppEnv>()
  .use(allow('tokens'))
  .get('/', async (c) => {
    const p = c.get('principal')
    const tokens = await listTokens(c.get('deps').db, { userId: p.userId!, admin: can(p.role, 'admin'), scope: p.scope })
    return c.json({ tokens })
  })
  .post('/', validate('json', newToken), async (c) => {
    const body = c.req.valid('json')
    const p = c.get('principal')
    const { db } = c.get('deps')
    if (p.via !== 'session')
      fail(403, 'forbidden', 'tokens are created from a logged-in session, not with another token')
    if (body.kind === 'personal' && body.scope)
      fail(400, 'invalid_parameter', 'scope: a personal token has its user\'s scope')
    const scope = body.kind === 'display' ? (body.scope ?? p.scope) : null
    if (scope && !(await scopeContains(db, p.scope, scope)))
      fail(404, 'unknown_region', `unknown region "${scope}"`)
    const secret = newSecret(body.kind === 'display' ? 'rmd' : 'rmp')
    const token = await db.transaction(async (client) => {
      const q = onClient(client)
      const row = await insertToken(q, { tokenHash: secretHash(secret), kind: body.kind, name: body.name, userId: p.userId!, scope })
      await appendAudit(client, { actor: actorOf(p), action: 'token.create', entity: 'api_token', entityId: String(row.id), before: null, after: row, requestId: c.get('requestId'), scope: p.scope })
      return row
    })
    return c.json({ token, secret }, 201)
  })
  .delete('/:id', validate('param', z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })), async (c) => {
    const { id } = c.req.valid('param')
    const p = c.get('principal')
    const { db } = c.get('deps')
    const visible = await listTokens(db, { userId: p.userId!, admin: can(p.role, 'admin'), scope: p.scope })
    const before = visible.find(t => t.id === id)
    if (!before)
      fail(404, 'not_found', `no token ${id}`)
    await db.transaction(async (client) => {
      const after = await revokeToken(onClient(client), id)
      await appendAudit(client, { actor: actorOf(p), action: 'token.revoke', entity: 'api_token', entityId: String(id), before, after, requestId: c.get('requestId'), scope: p.scope })
    })
    c.get('services').principals.clear()
    return c.body(null, 204)
  })
