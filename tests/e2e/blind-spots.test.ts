import type { Browser } from 'playwright-core'
import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { launchBrowser, openOfflinePage, screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { loginAs, startServer } from '../helpers/e2e-server.ts'

const DISTRICT = '500104'

/**
 * The blind-spot layer on the seeded demo: switched on from the layer panel (and so in the URL),
 * its ranked list equal to the API's, its cells drawn on the map, and a click on a row flying the
 * map to that cell.
 */
describeIfBrowser('blind spots layer and list', () => {
  let server: E2eServer
  let browser: Browser
  let admin: OfflinePage
  let period: string

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    admin = await openOfflinePage(browser, { width: 1600, height: 900 })
    await loginAs(admin.context, server.url)
    period = (await (await admin.context.request.get(`${server.url}/api/meta`)).json()).months.to
  })

  afterAll(async () => {
    await admin?.context.close()
    await browser?.close()
    await server?.stop()
  })

  it('switches the layer on, lists the API\'s ranking and draws the cells', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&period=${period}`)
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap?.map
      return !!map?.getLayer('regions-fill') && map.queryRenderedFeatures({ layers: ['regions-fill'] }).length > 0
    }, undefined, { timeout: 60_000 })
    await waitForMapIdle(page)
    const loaded = page.waitForResponse(r => r.url().includes('/api/coverage/blind-spots?'))
    await page.getByTestId('layer-blindspots').check()
    const reply = await loaded
    expect(reply.status()).toBe(200)
    const body = await reply.json()
    expect(new URL(page.url()).searchParams.get('layers')).toContain('blindspots')
    expect(body).toMatchObject({ region: DISTRICT, to: period, months: 12, size: 500 })
    expect(body.features.length).toBeGreaterThan(2)

    await screenshot(page, 'blind-spots-1-layer')
    await page.getByTestId('blind-spots-ranking').locator('summary').click()
    await page.getByTestId('blind-spot-1').waitFor({ state: 'visible' })
    const rows = await page.getByTestId('blind-spots-list').locator('li').allTextContents()
    expect(rows).toHaveLength(body.features.length)
    body.features.forEach((f: any, k: number) => {
      expect(rows[k]).toContain(String(f.properties.rank))
      expect(rows[k]).toContain(String(f.properties.uncovered))
    })
    expect(await page.getByTestId('blind-spots-method').textContent()).toContain('直线距离近似')
    await page.getByTestId('blind-spots-legend').waitFor({ state: 'visible' })
    await waitForMapIdle(page)
    const drawn = await page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['blind-spots-fill'] }).length)
    expect(drawn).toBeGreaterThan(0)
    await screenshot(page, 'blind-spots-2-ranking')
  })

  it('flies to a cell when its row is clicked', async () => {
    const { page } = admin
    await page.getByTestId('blind-spot-2').click()
    await page.waitForFunction(() => (window as RiskmapWindow).__riskmap!.map.getZoom() >= 12.9, undefined, { timeout: 20_000 })
    await waitForMapIdle(page)
    const centre = await page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.getCenter())
    const under = await page.evaluate(({ lng, lat }) => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const p = map.project([lng, lat])
      return map.queryRenderedFeatures([p.x, p.y], { layers: ['blind-spots-fill'] }).map(f => f.properties.rank)
    }, centre)
    expect(under).toEqual([2])
    await screenshot(page, 'blind-spots-3-fly-to-cell')
  })
})
