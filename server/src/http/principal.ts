import type { Role } from '../auth/roles.ts'

/** Who is asking: a logged-in user, a bearer token, or (in a public demo) nobody. */
export interface Principal {
  userId: number | null
  username: string
  role: Role
  /** A region code, or '*' for everything. */
  scope: string
  via: 'session' | 'personal' | 'display' | 'public'
  csrfToken: string | null
  tokenId: number | null
}

/** How the audit log names the principal. */
export function actorOf(p: Principal): string {
  if (p.via === 'public')
    return 'anonymous'
  return p.tokenId ? `${p.username} (token ${p.tokenId})` : p.username
}
