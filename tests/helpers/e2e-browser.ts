import type { Browser, BrowserContext, Page } from 'playwright-core'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumPath } from './ci.ts'
import { artifactsDir } from './e2e-server.ts'

export const screenshotsDir = path.join(artifactsDir, 'screenshots')

/** The slice of MapLibre's Map the tests use; tests/ does not depend on maplibre-gl itself. */
export interface MapHandle {
  loaded: () => boolean
  isMoving: () => boolean
  getZoom: () => number
  getCenter: () => { lng: number, lat: number }
  getCanvas: () => HTMLCanvasElement
  getLayer: (id: string) => unknown
  project: (lngLat: [number, number]) => { x: number, y: number }
  queryRenderedFeatures: (
    pointOrOptions?: [number, number] | { layers?: string[] },
    options?: { layers?: string[] },
  ) => { id?: string | number, geometry: { type: string, coordinates: unknown }, properties: Record<string, unknown> }[]
  setLayoutProperty: (layer: string, name: string, value: unknown) => void
  getFeatureState: (feature: { source: string, id: string | number }) => Record<string, unknown>
  once: (event: string, listener: () => void) => void
}

/** What the web app exposes for tests: the raw map (see web/src/composables/use-map.ts). */
export interface RiskmapWindow {
  __riskmap?: { map: MapHandle }
}

/** Software GL (SwiftShader) so MapLibre renders on a headless machine without a GPU. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export interface OfflinePage {
  context: BrowserContext
  page: Page
  /** Every request the page tried to send off this machine; the app must work offline. */
  externalRequests: string[]
  /** Uncaught exceptions in the page. */
  pageErrors: string[]
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * A page in its own context, as a command-centre wall would see it (zh-CN, Beijing time), with every
 * request to a non-local host aborted and recorded.
 */
export async function openOfflinePage(
  browser: Browser,
  viewport: { width: number, height: number } = { width: 1920, height: 1080 },
): Promise<OfflinePage> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
  })
  const externalRequests: string[] = []
  const pageErrors: string[] = []
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    const remote = (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:')
      && !LOCAL_HOSTS.has(url.hostname)
    if (remote) {
      externalRequests.push(url.toString())
      await route.abort('blockedbyclient')
      return
    }
    await route.continue()
  })
  await context.routeWebSocket(url => !LOCAL_HOSTS.has(url.hostname), (ws) => {
    externalRequests.push(ws.url())
    void ws.close()
  })
  const page = await context.newPage()
  page.on('pageerror', error => pageErrors.push(error.stack ?? error.message))
  return { context, page, externalRequests, pageErrors }
}

/**
 * Wait until MapLibre reports idle: the app sets `body[data-map-idle="1"]` on the map's `idle`
 * event and back to "0" on `movestart`/`dataloading`. The extra `loaded()` check guards against
 * reading a stale "1" just before a new load begins.
 */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as RiskmapWindow).__riskmap?.map
    return document.body.dataset.mapIdle === '1' && map !== undefined && map.loaded() && !map.isMoving()
  }, undefined, { timeout, polling: 100 })
}

/** Full-page PNG in tests/artifacts/screenshots/<name>.png; returns the bytes too. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(screenshotsDir, { recursive: true })
  const png = await page.screenshot({ type: 'png' })
  writeFileSync(path.join(screenshotsDir, `${name}.png`), png)
  return png
}

/** PNG of the map canvas area only (overlaid panels included), for pixel checks. */
export async function mapCanvasPng(page: Page): Promise<Buffer> {
  return page.locator('canvas.maplibregl-canvas').screenshot({ type: 'png' })
}

/**
 * Fraction of pixels that differ noticeably between two same-sized PNGs. Decoding happens in the
 * browser (no PNG library in Node), via data URLs, which never leave the page.
 */
export async function changedPixelShare(page: Page, a: Buffer, b: Buffer, threshold = 24): Promise<number> {
  return page.evaluate(async ({ a, b, threshold }) => {
    async function pixels(base64: string): Promise<ImageData> {
      const image = new Image()
      image.src = `data:image/png;base64,${base64}`
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.naturalWidth
      canvas.height = image.naturalHeight
      const context = canvas.getContext('2d')!
      context.drawImage(image, 0, 0)
      return context.getImageData(0, 0, canvas.width, canvas.height)
    }
    const [first, second] = await Promise.all([pixels(a), pixels(b)])
    if (first.width !== second.width || first.height !== second.height)
      throw new Error('screenshots differ in size')
    let changed = 0
    for (let i = 0; i < first.data.length; i += 4) {
      const delta = Math.abs(first.data[i]! - second.data[i]!)
        + Math.abs(first.data[i + 1]! - second.data[i + 1]!)
        + Math.abs(first.data[i + 2]! - second.data[i + 2]!)
      if (delta > threshold)
        changed++
    }
    return changed / (first.width * first.height)
  }, { a: a.toString('base64'), b: b.toString('base64'), threshold })
}
