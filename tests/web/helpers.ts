import { vi } from 'vitest'

export interface SeenRequest { url: string, method: string, headers: Headers, body: string | null }

/** Replace fetch with a table of canned answers keyed by `METHOD path`; records every request. */
export function fakeServer(answers: Record<string, () => Response>) {
  const seen: SeenRequest[] = []
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const method = (init?.method ?? 'GET').toUpperCase()
    seen.push({ url, method, headers: new Headers(init?.headers), body: typeof init?.body === 'string' ? init.body : null })
    const path = new URL(url, 'http://localhost').pathname
    const answer = answers[`${method} ${path}`]
    return answer ? answer() : json(404, { error: { code: 'not_found', message: `no ${method} ${path}` } })
  }))
  return seen
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

export const adminSession = {
  user: { id: 1, username: 'admin' },
  role: 'admin',
  scope: { code: '*', name: '全部', level: 'all', path: [] },
  csrfToken: 'csrf-abc',
  via: 'session',
}
