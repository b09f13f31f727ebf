import type { Context, MiddlewareHandler } from 'hono'
import type { Action } from '../auth/roles.ts'
import type { Scoped } from '../db/database.ts'
import type { AppEnv } from './env.ts'
import { can } from '../auth/roles.ts'
import { fail } from './errors.ts'

/** Refuses the request unless the principal's role may perform the action. */
export function allow(action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('principal')
    if (!can(p.role, action))
      fail(403, 'forbidden', `the ${p.role} role may not ${action}`)
    await next()
  }
}

/** Reads inside the principal's region scope, in a READ ONLY transaction (see Database.scoped). */
export function read<T>(c: Context<AppEnv>, fn: (q: Scoped) => Promise<T>): Promise<T> {
  return c.get('deps').db.scoped(c.get('principal').scope, 'read', fn)
}

/** Writes inside the principal's region scope; the route must also be guarded by allow(). */
export function write<T>(c: Context<AppEnv>, fn: (q: Scoped) => Promise<T>): Promise<T> {
  const p = c.get('principal')
  if (p.role === 'display' || p.role === 'analyst')
    fail(403, 'forbidden', `the ${p.role} role is read-only`)
  return c.get('deps').db.scoped(p.scope, 'write', fn)
}
