import type { MiddlewareHandler } from 'hono'
import type { PrincipalRow } from '../queries/sessions.ts'
import type { AppEnv } from './env.ts'
import type { Principal } from './principal.ts'
import { getConnInfo } from '@hono/node-server/conninfo'
import { getCookie } from 'hono/cookie'
import { secretHash } from '../auth/secrets.ts'
import { sessionPrincipal, tokenPrincipal } from '../queries/sessions.ts'
import { fail } from './errors.ts'

export const SESSION_COOKIE = 'riskmap_session'
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Reachable without a principal: the login itself and the health check for probes.
const openPaths = new Set(['/api/auth/login', '/api/health'])

function toPrincipal(row: PrincipalRow, via: Principal['via']): Principal {
  return { userId: row.userId, username: row.username, role: row.role, scope: row.scope, via, csrfToken: row.csrfToken, tokenId: row.tokenId }
}

export function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  }
  catch {
    // app.request() in tests has no socket.
    return 'local'
  }
}

const PUBLIC_PRINCIPAL: Principal = { userId: null, username: 'anonymous', role: 'display', scope: '*', via: 'public', csrfToken: null, tokenId: null }

/**
 * Resolves the principal from a bearer token or the session cookie, answers 401 without one,
 * enforces CSRF on cookie-authenticated writes, and applies the per-user and per-IP rate limits.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.get('services')
  const ip = clientIp(c)
  const ipWait = services.ipLimiter.take(`ip:${ip}`)
  if (ipWait)
    tooMany(c, ipWait)

  const credential = await resolveCredential(c)
  if (credential === 'invalid_token')
    fail(401, 'invalid_token', 'the bearer token is invalid or revoked')
  const principal: Principal | undefined = credential ?? undefined
  if (principal?.via === 'session') {
    // Logging in again while a session cookie exists needs no CSRF token: it writes nothing
    // that the cookie grants, and SameSite=Lax keeps other sites from posting with it.
    if (unsafeMethods.has(c.req.method) && !openPaths.has(c.req.path) && c.req.header('x-csrf-token') !== principal.csrfToken)
      fail(403, 'csrf', 'a write with a session cookie needs the X-CSRF-Token header from the login reply')
  }
  const resolved = principal ?? (services.http.publicRead && !unsafeMethods.has(c.req.method) ? PUBLIC_PRINCIPAL : undefined)
  if (!resolved) {
    if (openPaths.has(c.req.path))
      return next()
    fail(401, 'unauthenticated', 'log in first (POST /api/auth/login) or send Authorization: Bearer <token>')
  }
  const userWait = services.userLimiter.take(`user:${resolved.userId ?? ip}`)
  if (userWait)
    tooMany(c, userWait)
  c.set('principal', resolved)
  await next()
}

type Ctx = Parameters<MiddlewareHandler<AppEnv>>[0]

/**
 * The principal the request's bearer token or session cookie stands for right now (through the
 * principal cache, which revocation and logout clear): null without a credential,
 * 'invalid_token' for a bearer token that is malformed, unknown or revoked. An unknown or expired
 * session cookie counts as no credential.
 */
async function resolveCredential(c: Ctx): Promise<Principal | null | 'invalid_token'> {
  const { db } = c.get('deps')
  const services = c.get('services')
  const header = c.req.header('authorization')
  if (header) {
    const m = /^Bearer\s+(rm[pd]_[\w-]{20,100})$/.exec(header)
    const hash = m ? secretHash(m[1]!) : ''
    const row = m ? await services.principals.get(hash, () => tokenPrincipal(db, hash)) : undefined
    return row ? toPrincipal(row, row.tokenKind === 'display' ? 'display' : 'personal') : 'invalid_token'
  }
  const cookie = getCookie(c, SESSION_COOKIE)
  const hash = cookie && /^rms_[\w-]{20,100}$/.test(cookie) ? secretHash(cookie) : ''
  const row = hash ? await services.principals.get(hash, () => sessionPrincipal(db, hash)) : undefined
  return row ? toPrincipal(row, 'session') : null
}

/**
 * Whether the credential a long-lived request (an event stream) was opened with still grants the
 * same principal: false once its token is revoked, its session has ended, or its user's role or
 * scope has changed. A public-read principal stays valid while public read is on.
 */
export async function credentialStillValid(c: Ctx): Promise<boolean> {
  const opened = c.get('principal')
  if (opened.via === 'public')
    return c.get('services').http.publicRead
  const now = await resolveCredential(c)
  return now !== null && now !== 'invalid_token' && now.userId === opened.userId && now.role === opened.role && now.scope === opened.scope
}

function tooMany(_c: unknown, seconds: number): never {
  fail(429, 'rate_limited', `too many requests; retry in ${seconds} s`, undefined, { 'Retry-After': String(seconds) })
}
