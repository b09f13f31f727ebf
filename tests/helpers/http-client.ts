import type { createApp } from '@riskmap/server/app.ts'

type App = ReturnType<typeof createApp>

/** How a request authenticates: a bearer token, a session cookie (with its CSRF token), or not at all. */
export type Auth = { bearer: string } | { cookie: string, csrf?: string } | null

export interface Reply {
  status: number
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: any
  text: string
  headers: Headers
}

export interface CallOptions {
  auth?: Auth
  body?: string | Uint8Array
  contentType?: string
  headers?: Record<string, string>
}

function authHeaders(auth: Auth | undefined): Record<string, string> {
  if (!auth)
    return {}
  if ('bearer' in auth)
    return { authorization: `Bearer ${auth.bearer}` }
  return { cookie: auth.cookie, ...(auth.csrf ? { 'x-csrf-token': auth.csrf } : {}) }
}

/** One request through app.request(), with the reply's status, body (JSON if it parses) and headers. */
export async function call(app: App, method: string, path: string, o: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...authHeaders(o.auth), ...o.headers }
  if (o.body !== undefined)
    headers['content-type'] = o.contentType ?? 'application/json'
  const res = await app.request(path, { method, headers, body: o.body as BodyInit | undefined })
  const text = await res.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  }
  catch {}
  return { status: res.status, body, text, headers: res.headers }
}

export interface Login {
  reply: Reply
  /** `name=value` of the session cookie, ready to send back as a `cookie` header. */
  cookie: string
  /** The raw Set-Cookie header of the login reply. */
  setCookie: string
  csrf: string
  auth: { cookie: string, csrf: string }
}

/** POST /api/auth/login; the cookie and CSRF token are empty when the login failed. */
export async function login(app: App, username: string, password: string): Promise<Login> {
  const reply = await call(app, 'POST', '/api/auth/login', { body: JSON.stringify({ username, password }) })
  const setCookie = reply.headers.get('set-cookie') ?? ''
  const cookie = setCookie.split(';')[0] ?? ''
  const csrf = reply.body?.csrfToken ?? ''
  return { reply, cookie, setCookie, csrf, auth: { cookie, csrf } }
}

/**
 * A caller for one resource as the test app's admin: `api('POST', '/1/transitions', {…})`. The
 * context is read at call time (useTestApp fills it in beforeAll). An object body is sent as JSON;
 * a string body is sent as it is (malformed-JSON tests).
 */
export function adminCaller(ctx: { app: App, adminToken: string }, base: string) {
  return (method: string, path: string, body?: unknown): Promise<Reply> =>
    call(ctx.app, method, `${base}${path}`, { auth: { bearer: ctx.adminToken }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) })
}
