import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { openPanel } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

const DISTRICT = '500104'
const NAME = '茄子溪 "值守点"; $1 🛟'

/** Features the map has drawn in a layer, in the current view. */
async function rendered(page: Page, layer: string): Promise<number> {
  return page.evaluate(id => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: [id] }).length, layer)
}

async function shareShown(page: Page): Promise<number> {
  const el = page.getByTestId('water-coverage-share')
  await el.waitFor({ state: 'visible', timeout: 60_000 })
  return Number(await el.getAttribute('data-share'))
}

describeIfBrowser('drowning prevention (防溺水) over 大渡口: layers, calendar, shoreline coverage, a new guard post', () => {
  let flow: E2eFlow
  let server: E2eServer
  let admin: OfflinePage
  let period: string
  let gap: [number, number]

  beforeAll(async () => {
    flow = await startFlow()
    ;({ server, admin } = flow)
    period = (await (await admin.context.request.get(`${server.url}/api/meta`)).json()).months.to
    // The middle of the longest uncovered stretch of the river's bank: where the new post goes.
    const coverage = await (await admin.context.request.get(`${server.url}/api/water/shoreline-coverage?region=${DISTRICT}`)).json()
    const river = coverage.zones.find((z: { kind: string }) => z.kind === 'river')
    const longest = (river.uncovered.coordinates as number[][][]).sort((a, b) => b.length - a.length)[0]!
    gap = longest[Math.floor(longest.length / 2)] as [number, number]
  })

  afterAll(() => flow?.close())

  it('draws water zones by danger (the approximate channel dashed and labelled), assets, drone routes and the shoreline', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&period=${period}&layers=choropleth,water#12.3/29.415/106.475`)
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap?.map
      return !!map?.getLayer('water-zones-fill') && map.queryRenderedFeatures({ layers: ['water-zones-fill'] }).length > 0
    }, undefined, { timeout: 60_000 })
    await openPanel(page, 'water')
    const share = await shareShown(page)
    await waitForMapIdle(page)
    for (const layer of ['water-zones-fill', 'water-zones-approximate', 'water-zones-outline', 'water-shore-covered', 'water-shore-uncovered', 'water-routes', 'water-assets'])
      expect(await rendered(page, layer), layer).toBeGreaterThan(0)
    expect(await page.getByTestId('water-approx-label').first().textContent()).toContain('近似')
    expect(await page.getByTestId('water-legend').isVisible()).toBe(true)
    expect(share).toBeGreaterThan(0)
    expect(share).toBeLessThan(1)
    expect(await page.getByTestId('water-list-zone').textContent()).toContain('长江大渡口段')
    await screenshot(page, 'drowning-1-layers')
  })

  it('shows the seasonal calendar as a month × hour heatmap with the summer and after-school peaks named', async () => {
    const { page } = admin
    await page.getByTestId('water-tab-calendar').click()
    await page.getByTestId('water-calendar-chart').locator('canvas').first().waitFor({ state: 'attached', timeout: 30_000 })
    // What the panel shows is what the API answers for the district in view.
    const body = await (await page.context().request.get(`${server.url}/api/water/calendar?region=${DISTRICT}&months=24`)).json()
    // The demo's water-related calls peak in summer and after school: the server finds it in the data.
    expect(body.peakMonths.bins).toEqual(expect.arrayContaining([7, 8]))
    expect(body.peakHours.bins).toEqual(expect.arrayContaining([17, 18]))
    const months = await page.getByTestId('water-peak-months').textContent()
    expect(months).toContain('高发月份')
    expect(months).toContain(`${body.peakMonths.bins[0]}–`)
    expect(await page.getByTestId('water-peak-hours').textContent()).toContain(':00–')
    await screenshot(page, 'drowning-2-calendar')
  })

  it('adding a guard post on the uncovered bank raises the covered share', async () => {
    const { page } = admin
    const before = await shareShown(page)
    await page.evaluate(([lon, lat]) => ((window as RiskmapWindow).__riskmap!.map as unknown as { jumpTo: (o: { center: [number, number], zoom: number }) => void }).jumpTo({ center: [lon!, lat!], zoom: 15 }), gap)
    await waitForMapIdle(page)
    await page.getByTestId('water-tab-asset').click()
    await page.getByTestId('water-add-asset').click()
    await page.getByTestId('water-name').fill(NAME)
    await page.getByTestId('water-asset-type').selectOption('guard_post')
    await page.getByTestId('water-draw').click()
    await page.waitForFunction(() => document.body.dataset.drawMode === 'point', undefined, { timeout: 30_000 })
    const at = await page.evaluate(([lon, lat]) => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const p = map.project([lon!, lat!])
      const box = map.getCanvas().getBoundingClientRect()
      return { x: box.left + p.x, y: box.top + p.y, onCanvas: document.elementFromPoint(box.left + p.x, box.top + p.y) === map.getCanvas() }
    }, gap)
    expect(at.onCanvas).toBe(true)
    await page.mouse.move(at.x, at.y, { steps: 4 })
    await page.mouse.click(at.x, at.y)
    await page.getByTestId('water-drawn').waitFor({ state: 'visible', timeout: 10_000 })
    const saved = page.waitForResponse(r => r.request().method() === 'POST' && r.url().endsWith('/api/water/assets'))
    await page.getByTestId('water-save').click()
    expect((await saved).status()).toBe(201)
    await page.waitForFunction(b => Number(document.querySelector('[data-testid=water-coverage-share]')?.getAttribute('data-share')) > b, before, { timeout: 60_000 })
    const after = await shareShown(page)
    expect(after).toBeGreaterThan(before)
    expect(await page.getByTestId('water-list-asset').textContent()).toContain(NAME)
    await waitForMapIdle(page)
    await screenshot(page, 'drowning-3-guard-post')
  })
})
