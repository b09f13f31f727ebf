import { afterEach, describe, expect, it, vi } from 'vitest'
import { authFetch, credentials, setBearerToken } from '../../web/src/api/credentials.ts'
import { authHeaders } from '../../web/src/logic/auth-headers.ts'

describe('authHeaders', () => {
  it('sends a bearer token on every request and no CSRF header with it', () => {
    const c = { bearer: 'rmd_token', csrf: 'csrf-1' }
    expect(authHeaders('GET', c)).toEqual({ Authorization: 'Bearer rmd_token' })
    expect(authHeaders('POST', c)).toEqual({ Authorization: 'Bearer rmd_token' })
  })
  it('proves a cookie session with X-CSRF-Token on writes only', () => {
    const c = { bearer: null, csrf: 'csrf-1' }
    expect(authHeaders('GET', c)).toEqual({})
    expect(authHeaders('HEAD', c)).toEqual({})
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'delete'])
      expect(authHeaders(method, c)).toEqual({ 'X-CSRF-Token': 'csrf-1' })
  })
  it('adds nothing without credentials', () => {
    expect(authHeaders('POST', { bearer: null, csrf: null })).toEqual({})
  })
})

describe('authFetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    setBearerToken(null)
    credentials.csrf = null
  })

  function capture() {
    const seen: Headers[] = []
    vi.stubGlobal('fetch', vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers))
      return new Response('{}', { status: 200 })
    }))
    return seen
  }

  it('adds the CSRF header to a write and keeps the caller\'s headers', async () => {
    const seen = capture()
    credentials.csrf = 'csrf-2'
    await authFetch('/api/admin/users', { method: 'POST', headers: { 'Content-Type': 'application/json' } })
    await authFetch('/api/meta')
    expect(seen[0]!.get('x-csrf-token')).toBe('csrf-2')
    expect(seen[0]!.get('content-type')).toBe('application/json')
    expect(seen[1]!.get('x-csrf-token')).toBeNull()
  })
  it('keeps a bearer token in sessionStorage and sends it', async () => {
    const seen = capture()
    setBearerToken('rmd_abcdefghijklmnopqrstuv')
    expect(sessionStorage.getItem('riskmap.token')).toBe('rmd_abcdefghijklmnopqrstuv')
    await authFetch('/api/regions?level=district')
    expect(seen[0]!.get('authorization')).toBe('Bearer rmd_abcdefghijklmnopqrstuv')
    setBearerToken(null)
    expect(sessionStorage.getItem('riskmap.token')).toBeNull()
  })
})
