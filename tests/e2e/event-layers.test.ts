import type { Browser, Response } from 'playwright-core'
import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { changedPixelShare, launchBrowser, mapCanvasPng, openOfflinePage, screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { artifactsDir, loginAs, startServer } from '../helpers/e2e-server.ts'

/** The planted all-year hot spot in 大渡口 跃进村 (geodata/demo/hotspots.ts `ddk-street-night`). */
const HOT_SPOT = { lon: 106.484, lat: 29.482 }
const ZOOMS = [8, 10, 12, 14, 16]
const MAX_TILE_BYTES = 500 * 1024
/** web/src/map/layers/events-layers.ts */
const EVENT_LAYERS = ['events-heatmap', 'events-clusters', 'events-points', 'hexbins-fill']

type Page = OfflinePage['page']

interface TileSeen { url: string, z: number, status: number, bytes: number }

/** Counts of rendered features per event layer, in the whole viewport. */
async function renderedCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate((layers) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    return Object.fromEntries(layers.map(id => [id, map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : -1]))
  }, EVENT_LAYERS)
}

async function jumpTo(page: Page, zoom: number, lon = HOT_SPOT.lon, lat = HOT_SPOT.lat): Promise<void> {
  await page.evaluate(({ zoom, lon, lat }) => {
    const map = (window as RiskmapWindow).__riskmap!.map as unknown as { jumpTo: (o: unknown) => void }
    map.jumpTo({ center: [lon, lat], zoom })
  }, { zoom, lon, lat })
  await waitForMapIdle(page)
}

/**
 * A page position over a rendered feature of `layer` that no panel covers, nearest the map centre
 * first, with the feature's id and properties.
 */
async function reachableFeature(page: Page, layer: string) {
  return page.evaluate((layer) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const canvas = map.getCanvas()
    const box = canvas.getBoundingClientRect()
    const centre = { x: box.width / 2, y: box.height / 2 }
    const features = map.queryRenderedFeatures({ layers: [layer] })
      .filter(f => f.geometry.type === 'Point')
      .map(f => ({ f, p: map.project(f.geometry.coordinates as [number, number]) }))
      .sort((a, b) => Math.hypot(a.p.x - centre.x, a.p.y - centre.y) - Math.hypot(b.p.x - centre.x, b.p.y - centre.y))
    for (const { f, p } of features) {
      const x = box.left + p.x
      const y = box.top + p.y
      if (document.elementFromPoint(x, y) !== canvas)
        continue
      const top = map.queryRenderedFeatures([p.x, p.y], { layers: [layer] })[0]
      if (top && top.id === f.id && JSON.stringify(top.properties) === JSON.stringify(f.properties))
        return { x, y, id: f.id ?? null, properties: f.properties }
    }
    return null
  }, layer)
}

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.getZoom())
}

describeIfBrowser('event layers: points, heatmap and hex bins over a hot spot', () => {
  let server: E2eServer
  let browser: Browser
  let session: OfflinePage
  const tiles: Promise<TileSeen>[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    session = await openOfflinePage(browser, { width: 1920, height: 1080 })
    await loginAs(session.context, server.url)
    session.page.on('response', (response: Response) => {
      const url = new URL(response.url())
      const match = /^\/api\/tiles\/events\/(\d+)\/\d+\/\d+\.mvt$/.exec(url.pathname)
      if (match)
        tiles.push(response.body().then(body => ({ url: response.url(), z: Number(match[1]), status: response.status(), bytes: body.length })))
    })
  })

  afterAll(async () => {
    await session?.context.close()
    await browser?.close()
    await server?.stop()
  })

  it('draws every event layer at zooms 8 to 16, from tiles of at most 500 KB', async () => {
    const { page } = session
    const meta = await (await session.context.request.get(`${server.url}/api/meta`)).json() as { months: { from: string, to: string } }
    const to = meta.months.to
    // Twelve months up to the latest.
    const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5)) - 1 - 11
    const from = `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, '0')}`
    const query = new URLSearchParams({ level: 'township', parent: '500104', city: '500000', indicator: 'all', period: from, to, layers: 'choropleth,points,heatmap,hex250' })
    await page.goto(`${server.url}/?${query}#8.00/${HOT_SPOT.lat}/${HOT_SPOT.lon}`)
    await page.locator('[data-testid=layer-panel]').waitFor({ state: 'visible', timeout: 60_000 })
    await page.waitForFunction(() => (window as RiskmapWindow).__riskmap?.map.getLayer('events-points') !== undefined, undefined, { timeout: 60_000 })

    for (const zoom of ZOOMS) {
      await jumpTo(page, zoom)
      const counts = await renderedCounts(page)
      await screenshot(page, `event-layers-z${zoom}`)
      expect(counts['events-heatmap'], `heatmap features at z${zoom}`).toBeGreaterThan(0)
      expect(counts['hexbins-fill'], `hex cells at z${zoom}`).toBeGreaterThan(0)
      // The server sends counts below z13 and single events from there (unless a tile is too full).
      if (zoom < 13)
        expect(counts['events-clusters'], `aggregates at z${zoom}`).toBeGreaterThan(0)
      else
        expect(counts['events-points'], `single events at z${zoom}`).toBeGreaterThan(0)
    }

    const seen = await Promise.all(tiles)
    // Kept as an artifact: tile count and largest body per zoom, for the record.
    const byZoom = Object.fromEntries(ZOOMS.map(z => [z, seen.filter(t => t.z === z)]).map(([z, list]) => [z, {
      tiles: (list as TileSeen[]).length,
      maxBytes: Math.max(0, ...(list as TileSeen[]).map(t => t.bytes)),
    }]))
    mkdirSync(artifactsDir, { recursive: true })
    writeFileSync(path.join(artifactsDir, 'event-tiles.json'), `${JSON.stringify(byZoom, null, 2)}\n`)
    expect(new Set(seen.map(t => t.z))).toEqual(new Set(ZOOMS))
    expect(seen.every(t => t.status === 200 || t.status === 304), JSON.stringify(seen.filter(t => t.status !== 200 && t.status !== 304))).toBe(true)
    const largest = seen.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    expect(largest.bytes, `largest tile ${largest.url}`).toBeLessThanOrEqual(MAX_TILE_BYTES)
    expect(largest.bytes).toBeGreaterThan(0)
    // The tiles ask for what the view shows.
    expect(new URL(largest.url).searchParams.get('period')).toBe(from)
    expect(new URL(largest.url).searchParams.get('to')).toBe(to)
  })

  it('opens the details of a clicked event', async () => {
    const { page } = session
    await jumpTo(page, 16)
    const target = await reachableFeature(page, 'events-points')
    expect(target, 'a single event not covered by a panel').not.toBeNull()
    await page.mouse.click(target!.x, target!.y)

    const panel = page.locator('[data-testid=event-details]')
    await panel.locator('[data-testid=event-id]').waitFor({ state: 'visible', timeout: 30_000 })
    expect((await panel.locator('[data-testid=event-id]').textContent())?.trim()).toBe(String(target!.id))
    expect((await panel.locator('[data-testid=event-indicator]').textContent())?.trim()).toContain(String(target!.properties.indicator))
    // Asia/Shanghai wall-clock time, as zh-CN writes it.
    expect((await panel.locator('[data-testid=event-time]').textContent())?.trim()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/)
    expect((await panel.locator('[data-testid=event-township]').textContent())?.trim()).toMatch(/\(500104\d{6}\)$/)
    expect((await panel.locator('[data-testid=event-coordinates]').textContent())?.trim()).toMatch(/^106\.\d{6}, 29\.\d{6}$/)
    expect((await panel.locator('[data-testid=event-attributes]').textContent())?.trim()).toContain('synthetic')
    // A click on an event is not a click on the township beneath it.
    expect(new URL(page.url()).searchParams.get('selected')).toBeNull()
    await screenshot(page, 'event-layers-details')

    await page.locator('[data-testid=event-details-close]').click()
    await panel.waitFor({ state: 'detached' })
  })

  it('zooms in on a clicked aggregate', async () => {
    const { page } = session
    await jumpTo(page, 10)
    const target = await reachableFeature(page, 'events-clusters')
    expect(target, 'an aggregate not covered by a panel').not.toBeNull()
    await page.mouse.click(target!.x, target!.y)
    await page.waitForFunction(() => (window as RiskmapWindow).__riskmap!.map.getZoom() > 11.5, undefined, { timeout: 10_000 })
    await waitForMapIdle(page)
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(12)
  })

  it('switches layers from the panel, in the URL, without rebuilding the map', async () => {
    const { page } = session
    await jumpTo(page, 12)
    await page.evaluate(() => {
      (window as unknown as { __mapBefore: unknown }).__mapBefore = (window as RiskmapWindow).__riskmap!.map
    })

    // Heatmap and hex off, one by one: pixels change and the URL follows.
    const withAll = await mapCanvasPng(page)
    await page.locator('[data-testid=layer-heatmap]').uncheck()
    await page.locator('[data-testid=layer-hexbins]').uncheck()
    await page.waitForURL(url => url.searchParams.get('layers') === 'choropleth,points', { timeout: 10_000 })
    await waitForMapIdle(page)
    const pointsOnly = await mapCanvasPng(page)
    expect(await changedPixelShare(page, withAll, pointsOnly), 'share of pixels drawn by heatmap and hex bins').toBeGreaterThan(0.01)
    const counts = await renderedCounts(page)
    expect(counts['events-heatmap']).toBe(0)
    expect(counts['hexbins-fill']).toBe(0)
    expect((counts['events-clusters'] ?? 0) + (counts['events-points'] ?? 0)).toBeGreaterThan(0)

    // Another indicator: the same map, new tile URLs.
    const before = tiles.length
    await page.locator('[data-testid=indicator-trigger]').click()
    await page.locator('[data-testid=indicator-picker] .pick').filter({ has: page.locator('code', { hasText: /^C$/ }) }).click()
    await page.waitForURL(url => url.searchParams.get('indicator') === 'C', { timeout: 10_000 })
    await waitForMapIdle(page)
    const same = await page.evaluate(() => (window as unknown as { __mapBefore: unknown }).__mapBefore === (window as RiskmapWindow).__riskmap!.map)
    expect(same).toBe(true)
    const later = await Promise.all(tiles.slice(before))
    expect(later.length).toBeGreaterThan(0)
    expect(later.every(t => new URL(t.url).searchParams.get('indicator') === 'C')).toBe(true)
    expect(later.every(t => t.bytes <= MAX_TILE_BYTES)).toBe(true)
    await screenshot(page, 'event-layers-points-C-z12')

    // Hex bins back on at another size.
    await page.locator('[data-testid=layer-hexbins]').check()
    await page.locator('[data-testid=hex-size]').selectOption('1000')
    await page.waitForURL(url => url.searchParams.get('layers') === 'choropleth,points,hex1000', { timeout: 10_000 })
    await page.locator('[data-testid=legend-hexbins] li').first().waitFor({ state: 'visible', timeout: 30_000 })
    await waitForMapIdle(page)
    expect((await renderedCounts(page))['hexbins-fill']).toBeGreaterThan(0)
    await screenshot(page, 'event-layers-hex1000-z12')
  })

  it('never tried to reach the network beyond this machine, and threw no page errors', () => {
    expect(session.externalRequests).toEqual([])
    expect(session.pageErrors).toEqual([])
  })
})
