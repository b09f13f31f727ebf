import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { credentials, setBearerToken } from '../../web/src/api/credentials.ts'
import { installAuthGuard } from '../../web/src/router-guard.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

const Page = defineComponent({ render: () => null })
const secret = 'rmd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

function makeRouter() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'map', component: Page },
      { path: '/login', name: 'login', component: Page, meta: { public: true } },
      { path: '/tokens', name: 'tokens', component: Page, meta: { needs: 'tokens' } },
      { path: '/admin/audit', name: 'admin-audit', component: Page, meta: { needs: 'admin' } },
    ],
  })
  installAuthGuard(router)
  return router
}

describe('auth guard', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    sessionStorage.clear()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    setBearerToken(null)
    credentials.csrf = null
  })

  it('moves ?token= into sessionStorage, drops it from the URL and sends it as a bearer token', async () => {
    const display = { ...adminSession, user: { id: 1, username: 'admin' }, role: 'display', csrfToken: null, via: 'display' }
    const seen = fakeServer({ 'GET /api/auth/session': () => json(200, display) })
    const router = makeRouter()
    await router.push(`/?token=${secret}&level=district&lang=en`)
    expect(router.currentRoute.value.fullPath).toBe('/?level=district&lang=en')
    expect(sessionStorage.getItem('riskmap.token')).toBe(secret)
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${secret}`)
    expect(useAuthStore().viaDisplayToken).toBe(true)
    // A display token has no account pages.
    await router.push('/tokens')
    expect(router.currentRoute.value.name).toBe('map')
  })

  it('sends a visitor without a session to /login with the page to come back to', async () => {
    fakeServer({ 'GET /api/auth/session': () => json(401, { error: { code: 'unauthenticated', message: 'log in first' } }) })
    const router = makeRouter()
    await router.push('/admin/audit?actor=admin')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.next).toBe('/admin/audit?actor=admin')
  })

  it('forgets a revoked token instead of sending it again', async () => {
    fakeServer({ 'GET /api/auth/session': () => json(401, { error: { code: 'invalid_token', message: 'revoked' } }) })
    const router = makeRouter()
    await router.push(`/?token=${secret}`)
    expect(router.currentRoute.value.name).toBe('login')
    expect(sessionStorage.getItem('riskmap.token')).toBeNull()
  })

  it('keeps admin pages from non-admins', async () => {
    fakeServer({ 'GET /api/auth/session': () => json(200, { ...adminSession, role: 'analyst' }) })
    const router = makeRouter()
    await router.push('/admin/audit')
    expect(router.currentRoute.value.name).toBe('map')
    await router.push('/tokens')
    expect(router.currentRoute.value.name).toBe('tokens')
  })
})
