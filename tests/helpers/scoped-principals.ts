import type { Role } from '@riskmap/server/auth/roles.ts'
import type { ScopeKind } from '../fixtures/authz-matrix.ts'
import type { Auth } from './http-client.ts'
import type { TestContext } from './server-app.ts'
import { login } from './http-client.ts'
import { createPrincipal, TEST_PASSWORD } from './principals.ts'
import { regions } from './scope-fixture.ts'

export const scopeCodes: Record<ScopeKind, string> = { all: '*', district: regions.district, township: regions.township }

export interface ScopedUser {
  username: string
  userId: number
  role: Role
  scope: string
  /** A logged-in session (cookie + CSRF token). */
  session: { cookie: string, csrf: string }
  /** A personal bearer token with the user's role and scope. */
  bearer: Auth
}

/** One logged-in user per role × scope, named `<role>-<scope>`. */
export async function scopedUsers(ctx: TestContext, roles: readonly Role[], scopes: readonly ScopeKind[]): Promise<Map<string, ScopedUser>> {
  const users = new Map<string, ScopedUser>()
  for (const role of roles) {
    for (const kind of scopes) {
      const username = `${role}-${kind}`
      const scope = scopeCodes[kind]
      const { userId, token } = await createPrincipal(ctx.t.db, { username, role, scope })
      const l = await login(ctx.app, username, TEST_PASSWORD)
      if (l.reply.status !== 200)
        throw new Error(`login ${username}: ${l.reply.status} ${l.reply.text}`)
      users.set(username, { username, userId, role, scope, session: l.auth, bearer: { bearer: token } })
    }
  }
  return users
}
