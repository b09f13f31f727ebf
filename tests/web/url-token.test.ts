import { describe, expect, it } from 'vitest'
import { nextAfterLogin } from '../../web/src/logic/login-redirect.ts'
import { takeTokenFromQuery, wallUrl } from '../../web/src/logic/url-token.ts'

const secret = `rmd_${'a1B2-_'.repeat(6)}`

describe('takeTokenFromQuery', () => {
  it('does nothing when there is no token', () => {
    expect(takeTokenFromQuery({ level: 'district' })).toBeNull()
  })
  it('takes the token and keeps the rest of the view', () => {
    expect(takeTokenFromQuery({ token: secret, level: 'township', parent: '500104' }))
      .toEqual({ token: secret, rest: { level: 'township', parent: '500104' } })
  })
  it('uses the first of repeated tokens', () => {
    expect(takeTokenFromQuery({ token: [secret, 'rmd_other'] })?.token).toBe(secret)
  })
  it('removes but rejects malformed or hostile tokens', () => {
    for (const bad of ['', 'rms_session-cookie-value-xxxxxxxx', `${secret}'; DROP TABLE x;--`, 'rmd_短', `rmd_${'x'.repeat(500)}`, 'rmd_$$$$$$$$$$$$$$$$$$$$$$$$'])
      expect(takeTokenFromQuery({ token: bad, k: '5' })).toEqual({ token: null, rest: { k: '5' } })
    expect(takeTokenFromQuery({ token: null })).toEqual({ token: null, rest: {} })
  })
})

describe('wallUrl', () => {
  it('builds the address a wall display opens', () => {
    expect(wallUrl('http://10.0.0.5:8080', secret)).toBe(`http://10.0.0.5:8080/?token=${secret}`)
  })
})

describe('nextAfterLogin', () => {
  it('returns a same-site path with its query', () => {
    expect(nextAfterLogin('/admin/audit?actor=admin')).toBe('/admin/audit?actor=admin')
    expect(nextAfterLogin(['/tokens', '/x'])).toBe('/tokens')
  })
  it('refuses other sites, odd values and the login page itself', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined, 42, '/login?next=/'])
      expect(nextAfterLogin(bad)).toBe('/')
  })
})
