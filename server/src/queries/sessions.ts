import type { Role } from '../auth/roles.ts'
import type { Queryable } from '../db/database.ts'

export interface PrincipalRow {
  userId: number
  username: string
  role: Role
  scope: string
  csrfToken: string | null
  tokenId: number | null
  tokenKind: 'personal' | 'display' | null
}

export async function insertSession(db: Queryable, s: { idHash: string, userId: number, csrfToken: string, ttlHours: number }): Promise<void> {
  await db.query(`
    INSERT INTO user_session (id_hash, user_id, csrf_token, expires_at)
    VALUES ($1, $2, $3, now() + make_interval(hours => $4))`, [s.idHash, s.userId, s.csrfToken, s.ttlHours])
  // Expired sessions are removed as new ones are made, so the table stays small.
  await db.query('DELETE FROM user_session WHERE expires_at < now()')
}

export async function sessionPrincipal(db: Queryable, idHash: string): Promise<PrincipalRow | undefined> {
  const rows = await db.query<PrincipalRow>(`
    SELECT u.id AS "userId", u.username, u.role, u.scope, s.csrf_token AS "csrfToken",
           NULL::bigint AS "tokenId", NULL::text AS "tokenKind"
    FROM user_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled`, [idHash])
  return rows[0]
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE id_hash = $1', [idHash])
}

/** A bearer token's principal: a display token is read-only in its own scope. */
export async function tokenPrincipal(db: Queryable, tokenHash: string): Promise<PrincipalRow | undefined> {
  const rows = await db.query<PrincipalRow>(`
    UPDATE api_token t SET last_used_at = now()
    FROM app_user u
    WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND NOT u.disabled
    RETURNING u.id AS "userId", u.username,
      CASE WHEN t.kind = 'display' THEN 'display' ELSE u.role END AS role,
      coalesce(t.scope, u.scope) AS scope, NULL::text AS "csrfToken", t.id AS "tokenId", t.kind AS "tokenKind"`, [tokenHash])
  return rows[0]
}

export interface TokenRow {
  id: number
  kind: 'personal' | 'display'
  name: string
  scope: string | null
  username: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

const tokenColumns = `t.id, t.kind, t.name, t.scope, u.username, t.created_at AS "createdAt",
  t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt"`

export async function insertToken(db: Queryable, t: { tokenHash: string, kind: 'personal' | 'display', name: string, userId: number, scope: string | null }): Promise<TokenRow> {
  const rows = await db.query<TokenRow>(`
    WITH t AS (
      INSERT INTO api_token (token_hash, kind, name, user_id, scope) VALUES ($1, $2, $3, $4, $5) RETURNING *
    )
    SELECT ${tokenColumns} FROM t JOIN app_user u ON u.id = t.user_id`, [t.tokenHash, t.kind, t.name, t.userId, t.scope])
  return rows[0]!
}

/** Tokens the principal may see: their own, or (admin) every token of a user inside their scope. */
export async function listTokens(db: Queryable, p: { userId: number, admin: boolean, scope: string }): Promise<TokenRow[]> {
  return db.query<TokenRow>(`
    SELECT ${tokenColumns} FROM api_token t JOIN app_user u ON u.id = t.user_id
    WHERE t.user_id = $1 OR ($2 AND ($3 = '*' OR EXISTS (
      SELECT 1 FROM region_ancestor a WHERE a.descendant = u.scope AND a.ancestor = $3)))
    ORDER BY t.created_at DESC`, [p.userId, p.admin, p.scope])
}

export async function revokeToken(db: Queryable, id: number): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(`
    WITH t AS (UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
    SELECT ${tokenColumns} FROM t JOIN app_user u ON u.id = t.user_id`, [id])
  return rows[0]
}
