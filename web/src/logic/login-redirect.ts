/**
 * Where to go after signing in: the `next` path the guard recorded, if it is a path on this
 * site. Anything else (absolute URLs, `//host`, the login page itself) goes to the map, so
 * a crafted link cannot send a freshly signed-in user elsewhere.
 */
export function nextAfterLogin(next: unknown): string {
  const value = Array.isArray(next) ? next[0] : next
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/'
  return value.startsWith('/login') ? '/' : value
}
