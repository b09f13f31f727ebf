import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { waitForRegions } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

const CITY = '220800'
const GRADE_COLORS = { blue: '#2f7fd1', yellow: '#f2d024', orange: '#f28c1b', red: '#e0302b' }

/** The index per region as the map holds it (feature-state `metric` of the regions source). */
async function mapMetrics(page: Page): Promise<Record<string, number | null>> {
  return page.evaluate(() => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const out: Record<string, number | null> = {}
    for (const f of map.queryRenderedFeatures({ layers: ['regions-fill'] })) {
      const code = String(f.properties.code)
      out[code] = (map.getFeatureState({ source: 'regions', id: code }).metric as number | null) ?? null
    }
    return out
  })
}

async function apiIndex(page: Page, url: string, query: string): Promise<Array<{ code: string, index: number | null, grade: string | null }>> {
  const res = await page.context().request.get(`${url}/api/risk-index?${query}`)
  expect(res.ok()).toBe(true)
  return (await res.json()).regions
}

describeIfBrowser('composite risk index on the map', () => {
  let flow: E2eFlow
  let server: E2eServer
  let session: OfflinePage
  let query: string

  beforeAll(async () => {
    flow = await startFlow({ viewport: { width: 1600, height: 1000 } })
    ;({ server, admin: session } = flow)
  })

  afterAll(() => flow?.close())

  it('is a choice in the indicator picker; the map is coloured by the four grades', async () => {
    const { page } = session
    await page.goto(`${server.url}/?level=district&parent=${CITY}`)
    await waitForRegions(page, 60_000, 3)
    await page.getByTestId('indicator-trigger').click()
    await page.getByTestId('indicator-risk-index').click()
    await page.waitForFunction(() => new URL(location.href).searchParams.get('indicator') === 'risk_index')
    await page.getByTestId('risk-index-legend').waitFor()
    const period = new URL(page.url()).searchParams.get('period')!
    query = `level=district&parent=${CITY}&period=${period}`
    const regions = await apiIndex(page, server.url, query)
    expect(regions).toHaveLength(5)
    await page.waitForFunction(codes => codes.every((c) => {
      const s = (window as RiskmapWindow).__riskmap!.map.getFeatureState({ source: 'regions', id: c })
      return typeof s.metric === 'number'
    }), regions.map(r => r.code), { timeout: 60_000 })
    await waitForMapIdle(page)
    const metrics = await mapMetrics(page)
    for (const r of regions)
      expect(metrics[r.code], r.code).toBeCloseTo(r.index!, 9)
    // The paint steps through the four grade colours at the method card's thresholds.
    const paint = JSON.stringify(await page.evaluate(() => ((window as RiskmapWindow).__riskmap!.map as unknown as { getPaintProperty: (layer: string, name: string) => unknown }).getPaintProperty('regions-fill', 'fill-color')))
    for (const color of Object.values(GRADE_COLORS))
      expect(paint).toContain(color)
    expect(paint).toMatch(/#2f7fd1",25,"#f2d024",50,"#f28c1b",75,"#e0302b"/)
    const legend = await page.getByTestId('risk-index-legend').locator('li').evaluateAll(els => els.map(e => e.getAttribute('data-grade')))
    expect(legend).toEqual(['red', 'orange', 'yellow', 'blue'])
    await screenshot(page, 'risk-index-map')
  })

  it('opens the method card with leaves, weights, normalisation, formula and thresholds', async () => {
    const { page } = session
    await page.getByTestId('risk-index-method-open').click()
    const card = page.getByTestId('risk-index-method-card')
    await card.waitFor()
    expect(await card.getByTestId('risk-index-leaves').locator('tr').count()).toBe(10)
    const text = (await card.textContent()) ?? ''
    expect(text).toContain('初显 1')
    expect(text).toContain('激化 3')
    expect(text).toMatch(/I = 100/)
    expect(text).toContain('最小–最大')
    await screenshot(page, 'risk-index-method-card')
  })

  it('an admin changes a weight: the server explains a refusal, then the index of a region changes to what /api/risk-index gives', async () => {
    const { page } = session
    const before = await apiIndex(page, server.url, query)
    await page.getByTestId('risk-index-edit').click()
    await page.getByTestId('risk-index-editor').waitFor()
    // Not rising: refused by the server, its message shown, nothing saved.
    await page.getByTestId('risk-index-stage-emerging').fill('5')
    await page.getByTestId('risk-index-save').click()
    await expect.poll(() => page.getByTestId('risk-index-editor-error').textContent().catch(() => ''), { timeout: 20_000 }).toMatch(/stageWeights/)
    await screenshot(page, 'risk-index-editor-error')
    await page.getByTestId('risk-index-stage-emerging').fill('1')
    await page.getByTestId('risk-index-stage-intensification').fill('6')
    await page.getByTestId('risk-index-leaf-A1').fill('4')
    await page.getByTestId('risk-index-save').click()
    await page.getByTestId('risk-index-editor').waitFor({ state: 'detached', timeout: 20_000 })

    const after = await apiIndex(page, server.url, query)
    expect(after.some((r, i) => Math.abs(r.index! - before[i]!.index!) > 1e-6)).toBe(true)
    await page.waitForFunction(want => want.every(([code, index]) => {
      const m = (window as RiskmapWindow).__riskmap!.map.getFeatureState({ source: 'regions', id: code }).metric
      return typeof m === 'number' && Math.abs(m - index) < 1e-9
    }), after.map(r => [r.code, r.index!] as [string, number]), { timeout: 30_000 })
    const cardText = (await page.getByTestId('risk-index-stage-weights').textContent()) ?? ''
    expect(cardText).toContain('激化 6')
    await screenshot(page, 'risk-index-after-edit')
    await page.getByTestId('risk-index-method-close').click()

    // The region panel shows the clicked region's index and grade, as the API gives them.
    const target = after.find(r => r.index !== null)!
    const next = new URL(page.url())
    next.searchParams.set('selected', target.code)
    await page.goto(next.toString())
    const value = page.getByTestId('risk-index-region-value')
    await value.waitFor({ timeout: 60_000 })
    expect((await value.textContent())?.trim()).toBe(target.index!.toFixed(1))
    await waitForMapIdle(page)
    await screenshot(page, 'risk-index-region-panel')
  })
})
