const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface Credentials {
  /** A personal (`rmp_…`) or display (`rmd_…`) token; wins over the cookie session. */
  bearer: string | null
  /** The cookie session's CSRF token, from login or the session endpoint. */
  csrf: string | null
}

/**
 * Headers that authenticate one request. A bearer token needs no CSRF proof; a cookie session
 * proves itself with `X-CSRF-Token` on writes only, since reads cannot change anything.
 */
export function authHeaders(method: string, credentials: Credentials): Record<string, string> {
  if (credentials.bearer)
    return { Authorization: `Bearer ${credentials.bearer}` }
  if (credentials.csrf && WRITE_METHODS.has(method.toUpperCase()))
    return { 'X-CSRF-Token': credentials.csrf }
  return {}
}
