export type Role = 'admin' | 'editor' | 'analyst' | 'display'

export const ROLES: readonly Role[] = ['admin', 'editor', 'analyst', 'display']

/** What each role may do in the UI; the server enforces the same rules on every request. */
export function permissions(role: Role | null) {
  return {
    admin: role === 'admin',
    write: role === 'admin' || role === 'editor',
    export: role === 'admin' || role === 'editor' || role === 'analyst',
    tokens: role === 'admin' || role === 'editor' || role === 'analyst',
  }
}

export type Permission = keyof ReturnType<typeof permissions>
