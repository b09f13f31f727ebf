import type { Browser } from 'playwright-core'
import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { launchBrowser, openOfflinePage, screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { E2E_ADMIN_PASSWORD, loginAs, startServer } from '../helpers/e2e-server.ts'

/** Regions drawn by the choropleth fill layer right now. */
function drawnRegions(page: OfflinePage['page']) {
  return page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['regions-fill'] }).map(f => ({ code: String(f.properties.code), parent: String(f.properties.parent), level: String(f.properties.level) })))
}

describeIfBrowser('login, display tokens and the audit page', () => {
  let server: E2eServer
  let browser: Browser
  let admin: OfflinePage
  let wall: OfflinePage
  let csrf: string
  let token: { id: number, secret: string }

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    admin = await openOfflinePage(browser, { width: 1600, height: 900 })
    wall = await openOfflinePage(browser, { width: 1920, height: 1080 })
  })

  afterAll(async () => {
    await admin?.context.close()
    await wall?.context.close()
    await browser?.close()
    await server?.stop()
  })

  it('asks for a login, rejects a wrong password, and lets the admin in', async () => {
    const { page } = admin
    await page.goto(`${server.url}/`)
    await page.waitForURL(url => url.pathname === '/login', { timeout: 30_000 })
    await page.getByTestId('login-username').fill('admin')
    await page.getByTestId('login-password').fill('wrong password!')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('login-error').waitFor({ state: 'visible' })
    await screenshot(page, 'access-login-error')
    await page.getByTestId('login-password').fill(E2E_ADMIN_PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.waitForURL(url => url.pathname === '/', { timeout: 30_000 })
    await waitForMapIdle(page)
    expect(await page.getByTestId('user-name').textContent()).toContain('admin')
  })

  it('a display token opens the map of its scope, read-only', async () => {
    csrf = (await loginAs(admin.context, server.url)).csrfToken
    const res = await admin.context.request.post(`${server.url}/api/auth/tokens`, {
      data: { kind: 'display', name: '大屏 1', scope: '500104' },
      headers: { 'X-CSRF-Token': csrf },
    })
    expect(res.status()).toBe(201)
    const body = await res.json()
    token = { id: body.token.id, secret: body.secret }

    const { page } = wall
    await page.goto(`${server.url}/?token=${token.secret}`)
    await page.waitForURL(url => !url.searchParams.has('token'), { timeout: 30_000 })
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap?.map
      return !!map?.getLayer('regions-fill') && map.queryRenderedFeatures({ layers: ['regions-fill'] }).length > 0
    }, undefined, { timeout: 60_000 })
    await waitForMapIdle(page)
    const regions = await drawnRegions(page)
    // A polygon cut by tile edges is returned once per tile: count codes.
    expect(new Set(regions.map(r => r.code)).size).toBe(8)
    expect(new Set(regions.map(r => r.parent))).toEqual(new Set(['500104']))
    await screenshot(page, 'access-display-token-wall')

    const write = await wall.context.request.post(`${server.url}/api/import/values`, {
      data: 'region,indicator,month,value\n500104001000,B2-01,2026-01,1',
      headers: { 'Authorization': `Bearer ${token.secret}`, 'Content-Type': 'text/csv' },
    })
    expect(write.status()).toBe(403)
  })

  it('stops working the moment the token is revoked', async () => {
    const res = await admin.context.request.delete(`${server.url}/api/auth/tokens/${token.id}`, { headers: { 'X-CSRF-Token': csrf } })
    expect(res.status()).toBe(204)
    const api = await wall.context.request.get(`${server.url}/api/meta`, { headers: { Authorization: `Bearer ${token.secret}` } })
    expect(api.status()).toBe(401)
    await wall.page.reload()
    await wall.page.waitForURL(url => url.pathname === '/login', { timeout: 30_000 })
    await screenshot(wall.page, 'access-revoked-token')
  })

  it('the audit page shows the logins and the token\'s creation and revocation', async () => {
    const { page } = admin
    await page.goto(`${server.url}/admin/audit`)
    await page.getByTestId('audit-table').waitFor({ state: 'visible', timeout: 30_000 })
    // The table is drawn before its first page of entries arrives.
    await page.getByTestId('audit-row').first().waitFor({ state: 'visible', timeout: 30_000 })
    const text = await page.getByTestId('audit-table').textContent()
    for (const action of ['auth.login', 'token.create', 'token.revoke'])
      expect(text).toContain(action)
    await page.getByTestId('audit-row').first().locator('button.toggle').click()
    await page.getByTestId('audit-detail').waitFor({ state: 'visible' })
    await screenshot(page, 'access-audit-page')
  })

  it('never reached beyond this machine and threw no page errors', () => {
    expect([...admin.externalRequests, ...wall.externalRequests]).toEqual([])
    expect([...admin.pageErrors, ...wall.pageErrors]).toEqual([])
  })
})
