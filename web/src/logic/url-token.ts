import type { RawQuery } from './url-state.ts'

// The server's token shape; anything else would only be rejected by it.
const TOKEN = /^rm[dp]_[\w-]{20,100}$/

/**
 * Split `?token=` off a route query. A wall display is opened with its token in the URL; the
 * token is kept out of the address bar (and so out of screenshots and history) once read.
 * A malformed token is still removed but not returned.
 */
export function takeTokenFromQuery(query: RawQuery): { token: string | null, rest: RawQuery } | null {
  if (!('token' in query))
    return null
  const { token: raw, ...rest } = query
  const value = Array.isArray(raw) ? raw[0] : raw
  return { token: typeof value === 'string' && TOKEN.test(value) ? value : null, rest }
}

/** The URL a wall display opens to authenticate with a display token. */
export function wallUrl(origin: string, secret: string): string {
  return `${origin}/?token=${encodeURIComponent(secret)}`
}
