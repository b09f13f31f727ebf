export const roles = ['admin', 'editor', 'analyst', 'display'] as const
export type Role = (typeof roles)[number]

/**
 * What each role may do. Routes name an action; this table is the one place that maps roles to
 * actions, and the authorization matrix test is generated from the same vocabulary.
 */
export const permissions = {
  read: ['admin', 'editor', 'analyst', 'display'],
  export: ['admin', 'editor', 'analyst'],
  import: ['admin', 'editor'],
  edit: ['admin', 'editor'],
  tokens: ['admin', 'editor', 'analyst'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Action = keyof typeof permissions

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role)
}
