import type { Credentials } from '../logic/auth-headers.ts'
import { authHeaders } from '../logic/auth-headers.ts'

const TOKEN_KEY = 'riskmap.token'

function readStoredToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? null
  }
  catch {
    return null
  }
}

/**
 * Who the requests are sent as. Module state rather than a store, so the API client can read it
 * without Pinia; the auth store is the only writer.
 */
export const credentials: Credentials = { bearer: readStoredToken(), csrf: null }

/** Keep a bearer token for this tab only: sessionStorage dies with the tab, unlike localStorage. */
export function setBearerToken(token: string | null) {
  credentials.bearer = token
  try {
    if (token)
      sessionStorage.setItem(TOKEN_KEY, token)
    else sessionStorage.removeItem(TOKEN_KEY)
  }
  catch {
    // Storage may be disabled; the token then lives as long as the page.
  }
}

let unauthorizedHandler: ((url: string) => void) | null = null

/** Called when any request other than the auth endpoints answers 401 (session expired, token revoked). */
export function onUnauthorized(handler: ((url: string) => void) | null) {
  unauthorizedHandler = handler
}

/** `fetch` with the current credentials added; every API call goes through it. */
export const authFetch: typeof fetch = async (input, init) => {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
  for (const [name, value] of Object.entries(authHeaders(method, credentials)))
    headers.set(name, value)
  const res = await fetch(input, { ...init, headers, credentials: 'same-origin' })
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (res.status === 401 && !url.includes('/api/auth/'))
    unauthorizedHandler?.(url)
  return res
}
