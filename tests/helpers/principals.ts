import type { Role } from '@riskmap/server/auth/roles.ts'
import type { Queryable } from '@riskmap/server/db/database.ts'
import { hashPassword } from '@riskmap/server/auth/passwords.ts'
import { newSecret, secretHash } from '@riskmap/server/auth/secrets.ts'

export const TEST_PASSWORD = 'correct horse battery'

/**
 * A user with the given role and scope, and a bearer token for it: personal tokens carry the
 * user's role and scope, a display token is read-only in its own scope.
 */
export async function createPrincipal(db: Queryable, p: { username: string, role: Role, scope: string, tokenKind?: 'personal' | 'display' }): Promise<{ userId: number, token: string }> {
  const rows = await db.query<{ id: number }>(`
    INSERT INTO app_user (username, password_hash, role, scope) VALUES ($1, $2, $3, $4)
    ON CONFLICT (username) DO UPDATE SET role = excluded.role, scope = excluded.scope
    RETURNING id`, [p.username, await hashPassword(TEST_PASSWORD), p.role, p.scope])
  const userId = rows[0]!.id
  const kind = p.tokenKind ?? 'personal'
  const token = newSecret(kind === 'display' ? 'rmd' : 'rmp')
  await db.query(`INSERT INTO api_token (token_hash, kind, name, user_id, scope) VALUES ($1, $2, 'test', $3, $4)`, [
    secretHash(token),
    kind,
    userId,
    kind === 'display' ? p.scope : null,
  ])
  return { userId, token }
}
