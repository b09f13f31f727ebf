import type { Role } from '../auth/roles.ts'
import type { Queryable } from '../db/database.ts'

export interface UserRow {
  id: number
  username: string
  role: Role
  scope: string
  disabled: boolean
  createdAt: string
}

const userColumns = `id, username, role, scope, disabled, created_at AS "createdAt"`

export async function findUserForLogin(db: Queryable, username: string): Promise<(UserRow & { passwordHash: string }) | undefined> {
  const rows = await db.query<UserRow & { passwordHash: string }>(
    `SELECT ${userColumns}, password_hash AS "passwordHash" FROM app_user WHERE username = $1`,
    [username],
  )
  return rows[0]
}

export async function getUser(db: Queryable, id: number): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`SELECT ${userColumns} FROM app_user WHERE id = $1`, [id]))[0]
}

export async function countUsers(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))[0]!.n
}

/** Users whose scope lies inside `scope` ('*' = all). */
export async function listUsersInScope(db: Queryable, scope: string): Promise<UserRow[]> {
  return db.query<UserRow>(`
    SELECT ${userColumns} FROM app_user u
    WHERE $1 = '*' OR (u.scope <> '*' AND EXISTS (
      SELECT 1 FROM region_ancestor a WHERE a.descendant = u.scope AND a.ancestor = $1))
    ORDER BY username`, [scope])
}

export async function insertUser(db: Queryable, u: { username: string, passwordHash: string, role: Role, scope: string }): Promise<UserRow> {
  const rows = await db.query<UserRow>(`
    INSERT INTO app_user (username, password_hash, role, scope) VALUES ($1, $2, $3, $4)
    RETURNING ${userColumns}`, [u.username, u.passwordHash, u.role, u.scope])
  return rows[0]!
}

export async function updateUser(db: Queryable, id: number, patch: { role?: Role, scope?: string, disabled?: boolean, passwordHash?: string }): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`
    UPDATE app_user SET
      role = coalesce($2, role), scope = coalesce($3, scope), disabled = coalesce($4, disabled),
      password_hash = coalesce($5, password_hash)
    WHERE id = $1 RETURNING ${userColumns}`, [id, patch.role ?? null, patch.scope ?? null, patch.disabled ?? null, patch.passwordHash ?? null])
  // A disabled user or a new password ends every open session.
  if (patch.disabled || patch.passwordHash)
    await db.query('DELETE FROM user_session WHERE user_id = $1', [id])
  return rows[0]
}

export interface ScopeInfo {
  code: string
  name: string
  level: 'all' | 'city' | 'district' | 'township'
  path: Array<{ code: string, name: string, level: string }>
}

/** The scope region with its ancestors, for the client's breadcrumb (read with owner rights). */
export async function scopeInfo(db: Queryable, scope: string): Promise<ScopeInfo> {
  if (scope === '*')
    return { code: '*', name: '全部', level: 'all', path: [] }
  const rows = await db.query<{ code: string, name: string, level: string, depth: number }>(`
    SELECT r.code, r.name, r.level, a.depth FROM region_ancestor a JOIN region r ON r.code = a.ancestor
    WHERE a.descendant = $1 ORDER BY a.depth DESC`, [scope])
  const self = rows.at(-1)
  return {
    code: scope,
    name: self?.name ?? scope,
    level: (self?.level ?? 'township') as ScopeInfo['level'],
    path: rows.slice(0, -1).map(r => ({ code: r.code, name: r.name, level: r.level })),
  }
}

/** Whether region `inner` (or '*') lies inside scope `outer`. */
export async function scopeContains(db: Queryable, outer: string, inner: string): Promise<boolean> {
  if (outer === '*')
    return inner === '*' || (await db.query('SELECT 1 FROM region WHERE code = $1', [inner])).length > 0
  if (inner === '*')
    return false
  const rows = await db.query('SELECT 1 FROM region_ancestor WHERE descendant = $1 AND ancestor = $2', [inner, outer])
  return rows.length > 0
}
