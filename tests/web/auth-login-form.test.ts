import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentials, setBearerToken } from '../../web/src/api/credentials.ts'
import AuthLoginForm from '../../web/src/components/auth/AuthLoginForm.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

function mountForm() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(AuthLoginForm, { global: { plugins: [pinia, i18n] } })
}

async function fillAndSubmit(wrapper: ReturnType<typeof mountForm>, username: string, password: string) {
  await wrapper.get('[data-testid=login-username]').setValue(username)
  await wrapper.get('[data-testid=login-password]').setValue(password)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('authLoginForm', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    setBearerToken(null)
    credentials.csrf = null
  })

  it('logs in, emits success and keeps the CSRF token for later writes', async () => {
    const seen = fakeServer({ 'POST /api/auth/login': () => json(200, adminSession) })
    setBearerToken('rmd_left-over-display-token-xx')
    const wrapper = mountForm()
    await fillAndSubmit(wrapper, ' admin ', 'p@ss; "$1" 🚨')
    expect(wrapper.emitted('success')).toHaveLength(1)
    expect(JSON.parse(seen[0]!.body!)).toEqual({ username: 'admin', password: 'p@ss; "$1" 🚨' })
    // Signing in as a person drops the tab's token, so the login is not sent as that token.
    expect(seen[0]!.headers.get('authorization')).toBeNull()
    const auth = useAuthStore()
    expect(auth.status).toBe('signedIn')
    expect(auth.can.admin).toBe(true)
    expect(credentials.csrf).toBe('csrf-abc')
    expect(wrapper.find('[data-testid=login-error]').exists()).toBe(false)
  })

  it('shows wrong credentials from the server\'s error code', async () => {
    fakeServer({ 'POST /api/auth/login': () => json(401, { error: { code: 'invalid_credentials', message: 'wrong username or password' } }) })
    const wrapper = mountForm()
    await fillAndSubmit(wrapper, 'admin', 'nope')
    expect(wrapper.emitted('success')).toBeUndefined()
    expect(wrapper.get('[data-testid=login-error]').text()).toBe('用户名或密码错误')
    expect(useAuthStore().status).toBe('unknown')
  })

  it('shows the throttle with the retry time from Retry-After', async () => {
    vi.useFakeTimers({ now: new Date('2025-06-01T08:00:00+08:00'), toFake: ['Date'] })
    fakeServer({ 'POST /api/auth/login': () => json(429, { error: { code: 'login_throttled', message: 'too many' } }, { 'Retry-After': '90' }) })
    i18n.global.locale.value = 'en'
    const wrapper = mountForm()
    await fillAndSubmit(wrapper, 'admin', 'nope')
    const text = wrapper.get('[data-testid=login-error]').text()
    expect(text).toContain('Too many attempts')
    expect(text).toContain('90 s')
    expect(text).toMatch(/\d{2}:\d{2}:\d{2}/)
    vi.useRealTimers()
  })

  it('shows another server error\'s message and re-enables the button', async () => {
    fakeServer({ 'POST /api/auth/login': () => json(503, { error: { code: 'unavailable', message: 'database is starting' } }) })
    const wrapper = mountForm()
    await fillAndSubmit(wrapper, 'admin', 'x')
    expect(wrapper.get('[data-testid=login-error]').text()).toContain('database is starting')
    expect(wrapper.get('[data-testid=login-submit]').attributes('disabled')).toBeUndefined()
  })
})
