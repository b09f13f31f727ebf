import type { Browser } from 'playwright-core'
import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { launchBrowser, openOfflinePage, screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { loginAs, startServer } from '../helpers/e2e-server.ts'

const NAME = 'e2e 大屏 "O\'Brien"; $x 🚨'

describeIfBrowser('the wall playlist editor (/admin/wall)', () => {
  let server: E2eServer
  let browser: Browser
  let admin: OfflinePage
  let csrf: string
  let createdId: number

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    admin = await openOfflinePage(browser, { width: 1920, height: 1080 })
    csrf = (await loginAs(admin.context, server.url)).csrfToken
  }, 15 * 60_000)

  afterAll(async () => {
    await admin?.context.close()
    await browser?.close()
    await server?.stop()
  })

  it('is reached from the admin menu and lists the playlists', async () => {
    const { page } = admin
    await page.goto(`${server.url}/admin/users`)
    await page.getByTestId('user-menu').locator('summary').click()
    await page.getByTestId('menu-wall-playlists').click()
    await page.waitForURL(u => u.pathname === '/admin/wall')
    await page.getByTestId('wall-editor-item').first().waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('wall-editor-item').count()).toBeGreaterThanOrEqual(2)
  })

  it('creates a playlist: the server\'s 400 is shown by the form, then it saves', async () => {
    const { page } = admin
    await page.getByTestId('wall-editor-create').click()
    await page.getByTestId('wall-editor-name').fill(NAME)
    await page.getByTestId('wall-editor-interval').fill('10')
    await page.getByTestId('wall-editor-region').fill('999999')
    await page.getByTestId('wall-editor-kpi-indicator').selectOption('A2')
    // Scene 1: the choropleth, with the camera taken from a map address.
    await page.getByTestId('wall-editor-scene-link').fill('http://localhost/?parent=500104#11.20/29.4600/106.4900')
    await page.getByRole('button', { name: '使用该视角' }).click()
    expect(await page.getByTestId('wall-editor-scene-lon').inputValue()).toBe('106.49')
    // Scene 2: water over 12 months; scene 3: patrol, then moved up to second place.
    for (const [layer, indicator] of [['water', 'A2-01'], ['patrol', 'A']] as const) {
      await page.getByTestId('wall-editor-add-scene').click()
      const scene = page.getByTestId('wall-editor-scene').last()
      await scene.getByTestId('wall-editor-scene-layer').selectOption(layer)
      await scene.getByTestId('wall-editor-scene-indicator').selectOption(indicator)
      await scene.getByTestId('wall-editor-scene-months').selectOption(layer === 'water' ? '12' : '1')
    }
    await page.getByTestId('wall-editor-scene').last().getByTestId('wall-editor-scene-up').click()
    await page.getByTestId('wall-editor-scene').nth(2).getByTestId('wall-editor-scene-title').fill('长江岸线')
    await page.getByTestId('wall-editor-save').click()
    const error = page.getByTestId('wall-editor-error')
    await error.waitFor()
    expect(await error.textContent()).toMatch(/region/)
    await screenshot(page, 'wall-editor-error')

    await page.getByTestId('wall-editor-region').fill('500104')
    await page.getByTestId('wall-editor-save').click()
    await page.getByTestId('wall-editor-notice').waitFor()
    const item = page.getByTestId('wall-editor-item').filter({ hasText: NAME })
    await item.waitFor()
    createdId = Number(await item.getAttribute('data-id'))
    const saved = (await (await admin.context.request.get(`${server.url}/api/wall/playlists/${createdId}`)).json()).playlist
    expect(saved).toMatchObject({ name: NAME, intervalS: 10, region: '500104', kpis: [{ kind: 'count', indicator: 'A2' }], version: 1 })
    expect(saved.scenes.map((s: { layer: string }) => s.layer)).toEqual(['choropleth', 'patrol', 'water'])
    expect(saved.scenes[0].camera).toEqual({ center: [106.49, 29.46], zoom: 11.2 })
    expect(saved.scenes[2]).toMatchObject({ indicator: 'A2-01', period: { months: 12 }, title: { zh: '长江岸线' }, camera: null })
    await screenshot(page, 'wall-editor-saved')
  })

  it('says "changed by someone else" on a stale version, and reloads', async () => {
    const { page } = admin
    const bumped = await admin.context.request.patch(`${server.url}/api/wall/playlists/${createdId}`, {
      data: { intervalS: 12, version: 1 },
      headers: { 'X-CSRF-Token': csrf },
    })
    expect(bumped.status()).toBe(200)
    await page.getByTestId('wall-editor-name').fill(`${NAME} 改`)
    await page.getByTestId('wall-editor-save').click()
    await page.getByTestId('wall-editor-conflict').waitFor()
    await page.getByTestId('wall-editor-conflict').getByRole('button').click()
    await page.getByTestId('wall-editor-conflict').waitFor({ state: 'detached' })
    expect(await page.getByTestId('wall-editor-interval').inputValue()).toBe('12')
    expect(await page.getByTestId('wall-editor-name').inputValue()).toBe(NAME)
  })

  it('opens the playlist on the wall, where it runs', async () => {
    const href = await admin.page.getByTestId('wall-editor-open').getAttribute('href')
    expect(href).toBe(`/wall?playlist=${createdId}`)
    const wall = await openOfflinePage(browser, { width: 1920, height: 1080 })
    try {
      await loginAs(wall.context, server.url)
      const { page } = wall
      await page.goto(`${server.url}${href}&interval=6`)
      await page.getByTestId('wall-kpi').first().waitFor({ timeout: 60_000 })
      expect(await page.locator('h1').first().textContent()).toContain(NAME)
      const title = page.getByTestId('wall-scene-title')
      await page.waitForFunction(() => document.querySelector('[data-testid="wall-scene-title"]')?.getAttribute('data-scene') === '1', undefined, { timeout: 60_000 })
      // The patrol scene draws the patrol layer.
      await page.waitForFunction(() => {
        const map = (window as RiskmapWindow).__riskmap?.map
        return !!map?.getLayer('patrol-outline') && map.queryRenderedFeatures({ layers: ['patrol-outline'] }).length > 0
      }, undefined, { timeout: 30_000 })
      expect(await page.getByTestId('wall-legend').getAttribute('data-layer')).toBe('patrol')
      await waitForMapIdle(page)
      await screenshot(page, 'wall-editor-playlist-on-wall')
      await page.waitForFunction(() => document.querySelector('[data-testid="wall-scene-title"]')?.getAttribute('data-scene') === '2', undefined, { timeout: 60_000 })
      expect(await title.textContent()).toContain('长江岸线')
      expect(wall.pageErrors).toEqual([])
    }
    finally {
      await wall.context.close()
    }
  })

  it('deletes it after a confirmation', async () => {
    const { page } = admin
    await page.getByTestId('wall-editor-delete').click()
    await page.getByTestId('wall-editor-delete-confirm').click()
    await page.getByTestId('wall-editor-notice').waitFor()
    await page.getByTestId('wall-editor-item').filter({ hasText: NAME }).waitFor({ state: 'detached' })
    const gone = await admin.context.request.get(`${server.url}/api/wall/playlists/${createdId}`)
    expect(gone.status()).toBe(404)
    expect(admin.pageErrors).toEqual([])
    expect(admin.externalRequests).toEqual([])
  })
})
