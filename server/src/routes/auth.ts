import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { Principal } from '../http/principal.ts'
import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { verifyPassword } from '../auth/passwords.ts'
import { newSecret, secretHash } from '../auth/secrets.ts'
import { onClient } from '../db/database.ts'
import { clientIp, SESSION_COOKIE } from '../http/authenticate.ts'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { validate } from '../http/validate.ts'
import { appendAudit } from '../queries/audit.ts'
import { deleteSession, insertSession } from '../queries/sessions.ts'
import { findUserForLogin, scopeInfo } from '../queries/users.ts'
import { tokenRoutes } from './tokens.ts'

const credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) })
// Verifying against a fixed hash when the user does not exist keeps the timing the same.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

async function sessionReply(c: Context<AppEnv>, p: Pick<Principal, 'userId' | 'username' | 'role' | 'scope' | 'csrfToken' | 'via'>) {
  return {
    user: { id: p.userId, username: p.username },
    role: p.role,
    scope: await scopeInfo(c.get('deps').db, p.scope),
    csrfToken: p.csrfToken,
    via: p.via,
  }
}

export const authRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', credentials), async (c) => {
    const { username, password } = c.req.valid('json')
    const { db } = c.get('deps')
    const { loginThrottle, http } = c.get('services')
    const keys = [`user:${username.toLowerCase()}`, `ip:${clientIp(c)}`]
    const wait = loginThrottle.retryAfter(keys)
    if (wait)
      fail(429, 'login_throttled', `too many failed logins; try again in ${wait} s`, { retryAfter: wait }, { 'Retry-After': String(wait) })
    const user = await findUserForLogin(db, username)
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
    if (!user || !ok || user.disabled) {
      loginThrottle.fail(keys)
      fail(401, 'invalid_credentials', 'wrong username or password')
    }
    // Only the username's count: one valid account must not reset the throttle on its IP.
    loginThrottle.succeed([keys[0]!])
    const secret = newSecret('rms')
    const csrfToken = randomBytes(24).toString('base64url')
    await db.transaction(async (client) => {
      const q = onClient(client)
      await insertSession(q, { idHash: secretHash(secret), userId: user.id, csrfToken, ttlHours: http.sessionHours })
      await appendAudit(client, { actor: user.username, action: 'auth.login', entity: 'app_user', entityId: String(user.id), before: null, after: { ip: clientIp(c) }, requestId: c.get('requestId'), scope: user.scope })
    })
    setCookie(c, SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
      maxAge: Math.round(http.sessionHours * 3600),
    })
    return c.json(await sessionReply(c, { userId: user.id, username: user.username, role: user.role, scope: user.scope, csrfToken, via: 'session' }))
  })
  .get('/session', async c => c.json(await sessionReply(c, c.get('principal'))))
  .post('/logout', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE)
    const p = c.get('principal')
    if (cookie && p.via === 'session') {
      await c.get('deps').db.transaction(async (client) => {
        await deleteSession(onClient(client), secretHash(cookie))
        await appendAudit(client, { actor: actorOf(p), action: 'auth.logout', entity: 'app_user', entityId: String(p.userId), before: null, after: null, requestId: c.get('requestId'), scope: p.scope })
      })
    }
    c.get('services').principals.clear()
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })
  .route('/tokens', tokenRoutes)
