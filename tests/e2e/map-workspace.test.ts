import type { Browser } from 'playwright-core'
import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { area, pointOnFeature } from '@turf/turf'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { changedPixelShare, launchBrowser, mapCanvasPng, openOfflinePage, screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { loginAs, startServer } from '../helpers/e2e-server.ts'

/** The choropleth fill layer (web/src/map/layers/regions-fill.ts). */
const FILL_LAYER = 'regions-fill'

interface RenderedRegion {
  code: string
  level: string
  parent: string | null
  geometry: { type: string, coordinates: unknown }
}

type Page = OfflinePage['page']

/** Features drawn by the fill layer right now, as plain data. */
async function renderedRegions(page: Page): Promise<RenderedRegion[]> {
  return page.evaluate((layer) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    return map.queryRenderedFeatures({ layers: [layer] }).map(f => ({
      code: String(f.properties.code),
      level: String(f.properties.level),
      parent: f.properties.parent == null ? null : String(f.properties.parent),
      geometry: f.geometry,
    }))
  }, FILL_LAYER)
}

async function waitForRegionsAtLevel(page: Page, level: string): Promise<void> {
  await page.waitForFunction(({ layer, level }) => {
    const map = (window as RiskmapWindow).__riskmap?.map
    if (!map?.getLayer(layer))
      return false
    const features = map.queryRenderedFeatures({ layers: [layer] })
    return features.length > 0 && features.every(f => f.properties.level === level)
  }, { layer: FILL_LAYER, level }, { timeout: 60_000, polling: 200 })
  await waitForMapIdle(page)
}

/**
 * A page coordinate inside a rendered region that is not hidden behind a panel: the largest pieces
 * first, a point guaranteed inside each (turf's pointOnFeature), checked with elementFromPoint
 * and a point query that must hit the same region.
 */
async function clickablePoint(page: Page, regions: RenderedRegion[]): Promise<{ code: string, x: number, y: number }> {
  const candidates = regions
    .map(region => ({ region, size: area({ type: 'Feature', properties: {}, geometry: region.geometry } as never) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 40)
    .map(({ region }) => ({
      code: region.code,
      lngLat: pointOnFeature({ type: 'Feature', properties: {}, geometry: region.geometry } as never).geometry.coordinates as [number, number],
    }))
  const hit = await page.evaluate(({ candidates, layer }) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const canvas = map.getCanvas()
    const box = canvas.getBoundingClientRect()
    for (const candidate of candidates) {
      const point = map.project(candidate.lngLat)
      const x = box.left + point.x
      const y = box.top + point.y
      if (document.elementFromPoint(x, y) !== canvas)
        continue
      const top = map.queryRenderedFeatures([point.x, point.y], { layers: [layer] })[0]
      if (top && String(top.properties.code) === candidate.code)
        return { code: candidate.code, x, y }
    }
    return null
  }, { candidates, layer: FILL_LAYER })
  if (!hit)
    throw new Error(`no rendered ${FILL_LAYER} feature is reachable by a click (all covered by panels?)`)
  return hit
}

async function camera(page: Page): Promise<{ zoom: number, lng: number, lat: number }> {
  return page.evaluate(() => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const { lng, lat } = map.getCenter()
    return { zoom: map.getZoom(), lng, lat }
  })
}

describeIfBrowser('map workspace at 1920×1080', () => {
  let server: E2eServer
  let browser: Browser
  let session: OfflinePage
  let district: { code: string, x: number, y: number }

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    session = await openOfflinePage(browser, { width: 1920, height: 1080 })
    await loginAs(session.context, server.url)
  })

  afterAll(async () => {
    await session?.context.close()
    await browser?.close()
    await server?.stop()
  })

  it('draws the district choropleth with a legend', async () => {
    const { page } = session
    await page.goto(`${server.url}/`)
    await waitForRegionsAtLevel(page, 'district')

    const districts = await renderedRegions(page)
    expect(districts.length).toBeGreaterThan(0)
    expect(new Set(districts.map(d => d.level))).toEqual(new Set(['district']))

    // Pixels, not just features: hide the fill and measure how much of the map changes.
    const withFill = await mapCanvasPng(page)
    // A layout change always repaints, so the next 'idle' is sure to come.
    const toggle = (visibility: 'none' | 'visible') => page.evaluate(({ layer, visibility }) =>
      new Promise<void>((resolve) => {
        const map = (window as RiskmapWindow).__riskmap!.map
        map.once('idle', () => resolve())
        map.setLayoutProperty(layer, 'visibility', visibility)
      }), { layer: FILL_LAYER, visibility })
    await toggle('none')
    const withoutFill = await mapCanvasPng(page)
    await toggle('visible')
    const share = await changedPixelShare(page, withFill, withoutFill)
    expect(share, `share of map pixels coloured by ${FILL_LAYER}`).toBeGreaterThan(0.05)

    await page.locator('[data-testid=map-legend]').waitFor({ state: 'visible', timeout: 30_000 })
    await screenshot(page, 'workspace-districts-1920')
  })

  it('drills into the townships of a clicked district', async () => {
    const { page } = session
    district = await clickablePoint(page, await renderedRegions(page))
    await page.mouse.click(district.x, district.y)

    await page.waitForURL(url => url.searchParams.get('level') === 'township', { timeout: 30_000 })
    await waitForRegionsAtLevel(page, 'township')
    const url = new URL(page.url())
    expect(url.searchParams.get('parent')).toBe(district.code)

    const townships = await renderedRegions(page)
    expect(townships.length).toBeGreaterThan(0)
    expect(new Set(townships.map(t => t.parent))).toEqual(new Set([district.code]))
    await screenshot(page, 'workspace-townships-1920')
  })

  it('reopens the same view after a reload', async () => {
    const { page } = session
    // The camera is written to the hash on moveend, throttled: wait until it has settled.
    await page.waitForFunction(() => location.hash.split('/').length === 3, undefined, { timeout: 10_000 })
    await page.waitForTimeout(1_500)
    const before = { url: new URL(page.url()), camera: await camera(page) }

    await page.reload()
    await waitForRegionsAtLevel(page, 'township')
    const after = { url: new URL(page.url()), camera: await camera(page) }

    expect(after.url.pathname).toBe(before.url.pathname)
    expect(Object.fromEntries(after.url.searchParams)).toEqual(Object.fromEntries(before.url.searchParams))
    expect(after.camera.zoom).toBeCloseTo(before.camera.zoom, 1)
    // Five screen pixels at this zoom, in degrees of longitude.
    const tolerance = 5 * 360 / (512 * 2 ** before.camera.zoom)
    expect(Math.abs(after.camera.lng - before.camera.lng)).toBeLessThan(tolerance)
    expect(Math.abs(after.camera.lat - before.camera.lat)).toBeLessThan(tolerance)
  })

  it('never tried to reach the network beyond this machine, and threw no page errors', () => {
    expect(session.externalRequests).toEqual([])
    expect(session.pageErrors).toEqual([])
  })
})
