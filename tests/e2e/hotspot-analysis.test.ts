import type { Browser } from 'playwright-core'
import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { launchBrowser, openOfflinePage, screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { loginAs, startServer } from '../helpers/e2e-server.ts'

/** The planted all-year hot spot in 大渡口 跃进村 (geodata/demo/hotspots.ts `ddk-street-night`). */
const PLANTED = { lon: 106.484, lat: 29.482 }
const DISTRICT = '500104'
/** web/src/map/layers/gistar-cells.ts, emerging-cells.ts */
const GISTAR_FILL = 'gistar-fill'
const EMERGING_FILL = 'emerging-fill'

type Page = OfflinePage['page']

/** An element's text with whitespace runs collapsed, as a reader sees it. */
const norm = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

interface Cell { id: string, properties: Record<string, unknown> }

/** Every cell the layer draws right now, de-duplicated by id (a cell can span tiles). */
async function renderedCells(page: Page, layer: string): Promise<Cell[]> {
  return page.evaluate((layer) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    if (!map.getLayer(layer))
      return []
    const byId = new Map<string, { id: string, properties: Record<string, unknown> }>()
    for (const f of map.queryRenderedFeatures({ layers: [layer] }))
      byId.set(String(f.properties.id), { id: String(f.properties.id), properties: f.properties })
    return [...byId.values()]
  }, layer)
}

/** The cell drawn at a lon/lat, and where that is on the page. */
async function cellAt(page: Page, layer: string, lon: number, lat: number) {
  return page.evaluate(({ layer, lon, lat }) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const p = map.project([lon, lat])
    const box = map.getCanvas().getBoundingClientRect()
    const hit = map.queryRenderedFeatures([p.x, p.y], { layers: [layer] })[0]
    const covered = document.elementFromPoint(box.left + p.x, box.top + p.y) !== map.getCanvas()
    return { x: box.left + p.x, y: box.top + p.y, covered, properties: hit?.properties ?? null }
  }, { layer, lon, lat })
}

async function centreOn(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(({ lon, lat, zoom }) => {
    const map = (window as RiskmapWindow).__riskmap!.map as unknown as { jumpTo: (o: unknown) => void }
    map.jumpTo({ center: [lon, lat], zoom })
  }, { lon, lat, zoom })
  await waitForMapIdle(page)
}

describeIfBrowser('hot spot analysis layers: Gi* and emerging hot spots', () => {
  let server: E2eServer
  let browser: Browser
  let session: OfflinePage
  let period: { from: string, to: string }

  beforeAll(async () => {
    // A loaded 2-core machine can take longer than the default 15 s on the first seed's roll-ups.
    server = await startServer({ env: { RISKMAP_STATEMENT_TIMEOUT_MS: '120000' } })
    browser = await launchBrowser()
    session = await openOfflinePage(browser, { width: 1920, height: 1080 })
    await loginAs(session.context, server.url)
    const meta = await (await session.context.request.get(`${server.url}/api/meta`)).json() as { months: { from: string, to: string } }
    // The twelve months of the data's first year: enough steps for the emerging run as well.
    const from = meta.months.from
    const to = `${from.slice(0, 4)}-12`
    period = { from, to }
  })

  afterAll(async () => {
    await session?.context.close()
    await browser?.close()
    await server?.stop()
  })

  it('draws Gi* over a district with the planted hot spot at 99 %, and a legend that states the method', async () => {
    const { page } = session
    const query = new URLSearchParams({ level: 'township', parent: DISTRICT, city: '500000', indicator: 'all', period: period.from, to: period.to })
    await page.goto(`${server.url}/?${query}`)
    await page.locator('[data-testid=layer-panel]').waitFor({ state: 'visible', timeout: 60_000 })
    await waitForMapIdle(page)

    await page.locator('[data-testid=layer-gistar]').check()
    await page.waitForURL(url => url.searchParams.get('hotspot') === 'gistar' && url.searchParams.get('hsize') === '500', { timeout: 10_000 })
    const legend = page.locator('[data-testid=hotspot-legend]')
    await legend.locator('[data-testid=hotspot-method]').waitFor({ state: 'visible', timeout: 60_000 })
    await waitForMapIdle(page)

    // The same request the layer made, straight from the API, to compare with what is drawn.
    const api = await (await session.context.request.get(`${server.url}/api/hotspots/gistar?parent=${DISTRICT}&size=500&indicator=all&period=${period.from}&to=${period.to}&correction=none`)).json() as {
      features: { properties: { id: string, bin: number } }[]
      method: { distanceBand: number, n: number, srid: number }
    }
    const hot99 = api.features.filter(f => f.properties.bin === 3).length
    expect(hot99).toBeGreaterThan(0)

    // The choropleth's reds would read as hot spots: it goes off with the analysis on.
    expect(await page.locator('[data-testid=layer-choropleth]').isChecked()).toBe(false)
    await screenshot(page, 'hotspot-gistar-ddk')
    const cells = await renderedCells(page, GISTAR_FILL)
    expect(cells.length).toBeGreaterThan(30)
    const renderedHot = cells.filter(c => c.properties.bin === 3)
    expect(renderedHot.length, 'rendered cells with bin 3').toBeGreaterThan(0)
    expect(renderedHot.every(c => api.features.some(f => f.properties.id === c.id && f.properties.bin === 3))).toBe(true)

    // The planted all-year hot spot comes out as a 99 % hot spot.
    await centreOn(page, PLANTED.lon, PLANTED.lat, 13)
    const planted = await cellAt(page, GISTAR_FILL, PLANTED.lon, PLANTED.lat)
    expect(planted.properties?.bin, `cell at the planted hot spot: ${JSON.stringify(planted.properties)}`).toBe(3)

    // Legend: the seven classes with the API's counts, and the method card (zh-CN by default).
    const classes = legend.locator('[data-testid=gistar-classes] li')
    await expect.poll(() => classes.count()).toBe(7)
    expect(await legend.locator('[data-bin="3"]').textContent().then(norm)).toContain(String(hot99))
    expect(await legend.locator('[data-bin="3"]').textContent().then(norm)).toContain('热点，99% 置信度')
    const band = api.method.distanceBand.toLocaleString('zh-CN', { maximumFractionDigits: 3 })
    const method = await legend.locator('[data-testid=hotspot-method]').textContent().then(norm)
    expect(method).toContain(`固定距离带 ${band} 米`)
    expect(method).toContain(`UTM ${api.method.srid - 32600}N`)
    expect(method).toContain('二值权重，包含单元自身')
    expect(method).toContain('多重检验校正：无')
    expect(method).toContain(`n = ${api.method.n}`)
    expect(method).toContain('α = 0.10 / 0.05 / 0.01')
    await screenshot(page, 'hotspot-gistar-ddk-z13')

    // A click on the cell shows its numbers; the township beneath is not selected instead.
    expect(planted.covered, 'the planted cell is not under a panel').toBe(false)
    const selectedBefore = new URL(page.url()).searchParams.get('selected')
    await page.mouse.click(planted.x, planted.y)
    const cell = legend.locator('[data-testid=hotspot-cell]')
    await cell.waitFor({ state: 'visible', timeout: 10_000 })
    expect(await cell.locator('[data-testid=hotspot-cell-id]').textContent().then(norm)).toBe(String(planted.properties!.id))
    expect(await cell.locator('[data-testid=hotspot-cell-bin]').textContent().then(norm)).toContain('+3')
    expect(Number((await cell.locator('[data-testid=hotspot-cell-z]').textContent().then(norm)).replace('−', '-'))).toBeGreaterThan(2.576)
    expect(await cell.locator('[data-testid=hotspot-cell-count]').textContent().then(norm)).toBe(Number(planted.properties!.count).toLocaleString('zh-CN'))
    expect(new URL(page.url()).searchParams.get('selected')).toBe(selectedBefore)
    await screenshot(page, 'hotspot-gistar-cell')
  })

  it('applies FDR from the controls, in the URL, and a shared link reopens the same analysis', async () => {
    const { page } = session
    await page.locator('[data-testid=hotspot-correction]').selectOption('fdr')
    await page.waitForURL(url => url.searchParams.get('correction') === 'fdr', { timeout: 10_000 })
    const legend = page.locator('[data-testid=hotspot-legend]')
    await expect.poll(() => legend.locator('[data-testid=hotspot-method]').textContent().then(norm), { timeout: 60_000 }).toContain('Benjamini–Hochberg')
    await waitForMapIdle(page)

    const shared = page.url()
    const other = await session.context.newPage()
    try {
      await other.goto(shared)
      await other.locator('[data-testid=hotspot-method]').waitFor({ state: 'visible', timeout: 60_000 })
      await waitForMapIdle(other)
      expect(await other.locator('[data-testid=layer-gistar]').isChecked()).toBe(true)
      expect(await other.locator('[data-testid=hotspot-correction]').inputValue()).toBe('fdr')
      expect(await other.locator('[data-testid=hotspot-method]').textContent().then(norm)).toContain('Benjamini–Hochberg')
      const cells = await renderedCells(other, GISTAR_FILL)
      expect(cells.some(c => c.properties.bin === 3)).toBe(true)
    }
    finally {
      await other.close()
    }
    await page.locator('[data-testid=hotspot-correction]').selectOption('none')
    await page.waitForURL(url => url.searchParams.get('correction') === 'none', { timeout: 10_000 })
  })

  it('switches to emerging hot spots: categories on the map, a legend with definitions and the monthly method', async () => {
    const { page } = session
    await page.locator('[data-testid=layer-emerging]').check()
    await page.waitForURL(url => url.searchParams.get('hotspot') === 'emerging', { timeout: 10_000 })
    expect(await page.locator('[data-testid=layer-gistar]').isChecked()).toBe(false)
    const legend = page.locator('[data-testid=hotspot-legend][data-layer=emerging]')
    await legend.locator('[data-testid=hotspot-method]').waitFor({ state: 'visible', timeout: 120_000 })
    await centreOn(page, PLANTED.lon, PLANTED.lat, 12)

    expect(await renderedCells(page, GISTAR_FILL)).toEqual([])
    const cells = await renderedCells(page, EMERGING_FILL)
    expect(cells.length).toBeGreaterThan(0)
    expect(cells.some(c => c.properties.category !== 'none')).toBe(true)
    const planted = await cellAt(page, EMERGING_FILL, PLANTED.lon, PLANTED.lat)
    // Hot all year round: a hot pattern (persistent, intensifying or diminishing, depending on the trend).
    expect(String(planted.properties?.category), JSON.stringify(planted.properties)).toMatch(/^(persistent|intensifying|diminishing)-hot$/)

    const rows = legend.locator('[data-testid=emerging-classes] li')
    expect(await rows.count()).toBeGreaterThan(1)
    const row = legend.locator(`[data-label="${String(planted.properties!.category)}"]`)
    expect(await row.textContent().then(norm)).toMatch(/(持续|加强|减弱)热点/)
    expect(await row.textContent().then(norm)).toContain('≥90% 的月份显著')
    const method = await legend.locator('[data-testid=hotspot-method]').textContent().then(norm)
    expect(method).toContain(`时间步长：1 个月，共 12 步（${period.from} 至 ${period.to}）`)
    expect(method).toContain('Mann-Kendall')
    await screenshot(page, 'hotspot-emerging-ddk')

    // In English too.
    await page.locator('[data-testid=lang-switch]').click()
    await page.waitForURL(url => url.searchParams.get('lang') === 'en', { timeout: 10_000 })
    await legend.locator('[data-testid=hotspot-method]').waitFor({ state: 'visible', timeout: 60_000 })
    expect(await legend.textContent().then(norm)).toContain('Time step: 1 month, 12 steps')
    expect(await legend.locator(`[data-label="${String(planted.properties!.category)}"]`).textContent().then(norm)).toMatch(/(Persistent|Intensifying|Diminishing) hot spot/)
    await screenshot(page, 'hotspot-emerging-ddk-en')

    // Off again: the legend goes, the choropleth comes back, the URL forgets the analysis.
    await page.locator('[data-testid=layer-emerging]').uncheck()
    await page.waitForURL(url => url.searchParams.get('hotspot') === null, { timeout: 10_000 })
    await page.locator('[data-testid=hotspot-legend]').waitFor({ state: 'detached' })
    expect(await page.locator('[data-testid=layer-choropleth]').isChecked()).toBe(true)
    await waitForMapIdle(page)
    expect(await renderedCells(page, EMERGING_FILL)).toEqual([])
  })

  it('explains a region too large for the size and offers a larger one', async () => {
    const { page } = session
    const query = new URLSearchParams({ level: 'district', parent: '220800', indicator: 'all', period: period.from, lang: 'zh-CN', hotspot: 'gistar', hsize: '250', correction: 'none' })
    await page.goto(`${server.url}/?${query}`)
    const error = page.locator('[data-testid=hotspot-error]')
    await error.waitFor({ state: 'visible', timeout: 60_000 })
    expect(await error.getAttribute('data-code')).toBe('too_many_cells')
    expect(await error.textContent().then(norm)).toContain('单元数超过上限')
    expect(await error.locator('[data-testid=hotspot-larger]').textContent().then(norm)).toContain('500')
    await screenshot(page, 'hotspot-too-many-cells')
  })

  it('never tried to reach the network beyond this machine, and threw no page errors', () => {
    expect(session.externalRequests).toEqual([])
    expect(session.pageErrors).toEqual([])
  })
})
