import type { Browser } from 'playwright-core'
import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { pointOnFeature } from '@turf/turf'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { changedPixelShare, mapCanvasPng, openOfflinePage, screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { displayToken, startFlow } from '../helpers/e2e-flow.ts'

type Page = OfflinePage['page']

/** `YYYY-MM-DD HH:MM:SS` in Asia/Shanghai, an hour ago: inside the server's current month almost always. */
function shanghaiNowMinusHour(): string {
  const t = new Date(Date.now() - 3600_000 + 8 * 3600_000)
  return t.toISOString().slice(0, 19).replace('T', ' ')
}

async function openWall(page: Page, url: string) {
  await page.goto(url)
  await page.waitForURL(u => !u.searchParams.has('token'), { timeout: 30_000 })
  await page.getByTestId('wall-kpi').first().waitFor({ timeout: 60_000 })
  await page.waitForFunction(() => {
    const map = (window as RiskmapWindow).__riskmap?.map
    return !!map?.getLayer('regions-fill') && map.queryRenderedFeatures({ layers: ['regions-fill'] }).length > 0
  }, undefined, { timeout: 60_000 })
  await waitForMapIdle(page)
}

async function kpiValue(page: Page, indicator: string): Promise<string> {
  return (await page.locator(`[data-testid="wall-kpi"][data-indicator="${indicator}"][data-kind="count"] [data-testid="wall-kpi-value"]`).textContent()) ?? ''
}

/** Nothing overlaps: the KPI column, the right column, the header and the ticker are disjoint boxes. */
async function panelsDisjoint(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const boxes = ['.header', '.left', '.right', '.ticker'].map(s => document.querySelector(s)!.getBoundingClientRect())
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!
        const b = boxes[j]!
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          return false
      }
    }
    return true
  })
}

describeIfBrowser('the wall display (/wall)', () => {
  let flow: E2eFlow
  let server: E2eServer
  let browser: Browser
  let admin: OfflinePage
  let wall: OfflinePage
  let secret: string
  let playlistId: number
  let csrf: string

  beforeAll(async () => {
    flow = await startFlow({ env: { RISKMAP_SSE_HEARTBEAT_MS: '2000' } })
    ;({ server, browser, admin, csrf } = flow)
    secret = await displayToken(flow, '大屏 e2e', '500104')
    const lists = await admin.context.request.get(`${server.url}/api/wall/playlists`, { headers: { Authorization: `Bearer ${secret}` } })
    const playlists = (await lists.json()).playlists as { id: number, region: string }[]
    playlistId = playlists.find(p => p.region === '500104')!.id
  }, 15 * 60_000)

  afterAll(() => flow?.close())

  it('is legible at 3840×2160 with nothing overlapping', async () => {
    const big = await openOfflinePage(browser, { width: 3840, height: 2160 })
    try {
      await openWall(big.page, `${server.url}/wall?token=${secret}&playlist=${playlistId}&interval=600`)
      await big.page.getByTestId('wall-ticker-item').first().waitFor({ timeout: 30_000 })
      const kpiPx = await big.page.locator('[data-testid="wall-kpi-value"]').first().evaluate(el => Number.parseFloat(getComputedStyle(el.parentElement!).fontSize))
      expect(kpiPx).toBeGreaterThanOrEqual(96)
      expect(await panelsDisjoint(big.page)).toBe(true)
      await screenshot(big.page, 'wall-3840x2160')
      expect(big.externalRequests).toEqual([])
      expect(big.pageErrors).toEqual([])
    }
    finally {
      await big.context.close()
    }
  })

  it('runs the playlist at 1920×1080: KPIs, top-N, trend, ticker, synthetic label', async () => {
    wall = await flow.open({ width: 1920, height: 1080 })
    const { page } = wall
    await openWall(page, `${server.url}/wall?token=${secret}&playlist=${playlistId}&interval=600`)
    await page.getByTestId('wall-ticker-item').first().waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('wall-kpi').count()).toBe(4)
    expect(await page.locator('[data-testid="wall-top"] li').count()).toBeGreaterThan(3)
    await page.locator('[data-testid="wall-trend"] canvas').waitFor()
    await page.getByTestId('wall-synthetic').waitFor()
    const kpiPx = await page.locator('[data-testid="wall-kpi-value"]').first().evaluate(el => Number.parseFloat(getComputedStyle(el.parentElement!).fontSize))
    expect(kpiPx).toBeGreaterThanOrEqual(48)
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="wall"]')!).cursor)).toBe('none')
    expect(await page.locator('[data-testid="user-menu"], .maplibregl-ctrl').count()).toBe(0)
    expect(await panelsDisjoint(page)).toBe(true)
    await screenshot(page, 'wall-1920x1080')
    expect(wall.pageErrors).toEqual([])
  })

  it('draws the map again after a WebGL context loss', async () => {
    const { page } = wall
    await waitForMapIdle(page)
    const before = await mapCanvasPng(page)
    await page.evaluate(() => {
      const canvas = (window as RiskmapWindow).__riskmap!.map.getCanvas()
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext
      const ext = gl.getExtension('WEBGL_lose_context')!
      Object.assign(window, { __loseContext: ext })
      ext.loseContext()
    })
    await page.waitForFunction(() => document.body.dataset.wallContext === 'lost', undefined, { timeout: 10_000 })
    const lost = await mapCanvasPng(page)
    await page.evaluate(() => (window as unknown as { __loseContext: { restoreContext: () => void } }).__loseContext.restoreContext())
    await page.waitForFunction(() => document.body.dataset.wallContext === 'restored', undefined, { timeout: 20_000 })
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const drawn = map.queryRenderedFeatures({ layers: ['regions-fill'] })
      return drawn.length > 0 && drawn.every(f => typeof map.getFeatureState({ source: 'regions', id: String(f.properties.code) }).metric === 'number')
    }, undefined, { timeout: 30_000 })
    await waitForMapIdle(page)
    const restored = await mapCanvasPng(page)
    // The same picture as before the loss, and clearly not the blank canvas of the lost context.
    expect(await changedPixelShare(page, before, restored)).toBeLessThan(0.02)
    expect(await changedPixelShare(page, lost, restored)).toBeGreaterThan(0.05)
    await screenshot(page, 'wall-after-context-restore')
    expect(wall.pageErrors).toEqual([])
  })

  it('tours the largest significant changes with one line each', async () => {
    const { page } = wall
    await page.goto(`${server.url}/wall?playlist=${playlistId}&interval=600&scene=5`)
    const caption = page.getByTestId('wall-tour-caption')
    await caption.waitFor({ timeout: 60_000 })
    await waitForMapIdle(page)
    expect((await caption.textContent())!.length).toBeGreaterThan(8)
    // The stop is outlined on the map.
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap!.map
      return map.queryRenderedFeatures({ layers: ['regions-fill'] }).some(f => map.getFeatureState({ source: 'regions', id: String(f.properties.code) }).selected === true)
    }, undefined, { timeout: 20_000 })
    await screenshot(page, 'wall-1920x1080-tour')
  })

  it('rotates scenes: the title and the camera change', async () => {
    const { page } = wall
    await openWall(page, `${server.url}/wall?playlist=${playlistId}&interval=4`)
    const title = page.getByTestId('wall-scene-title')
    const first = { title: await title.textContent(), center: await page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.getCenter()) }
    await page.waitForFunction(t => document.querySelector('[data-testid="wall-scene-title"]')?.textContent !== t, first.title, { timeout: 20_000 })
    await page.waitForFunction((c) => {
      const now = (window as RiskmapWindow).__riskmap!.map.getCenter()
      return Math.abs(now.lng - c.lng) + Math.abs(now.lat - c.lat) > 1e-4
    }, first.center, { timeout: 40_000 })
    expect(wall.pageErrors).toEqual([])
  })

  it('shows an events import without a reload', async () => {
    const { page } = wall
    await page.evaluate(() => Object.assign(window, { __wallMarker: 'no-reload' }))
    const before = await kpiValue(page, 'A2')
    const revision = Number(await page.getByTestId('wall').getAttribute('data-revision'))
    const townships = await (await admin.context.request.get(`${server.url}/api/regions?level=township&parent=500104`)).json()
    const at = shanghaiNowMinusHour()
    const rows = townships.features.slice(0, 3).map((f: Parameters<typeof pointOnFeature>[0], i: number) => {
      const [lon, lat] = pointOnFeature(f).geometry.coordinates
      return `wall-e2e-${i},A2-03,${at},${lon},${lat}`
    })
    const res = await admin.context.request.post(`${server.url}/api/import/events?source=wall-e2e`, {
      data: ['id,indicator,occurred_at,lon,lat', ...rows].join('\n'),
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'text/csv' },
    })
    expect(res.status(), await res.text()).toBe(201)
    await page.waitForFunction(r => Number(document.querySelector('[data-testid="wall"]')!.getAttribute('data-revision')) > r, revision, { timeout: 30_000 })
    await page.waitForFunction(([b]) => {
      const el = document.querySelector('[data-testid="wall-kpi"][data-indicator="A2"][data-kind="count"] [data-testid="wall-kpi-value"]')
      return !!el && el.textContent !== b
    }, [before], { timeout: 30_000 })
    const after = await kpiValue(page, 'A2')
    expect(Number(after.replaceAll(',', ''))).toBe(Number(before.replaceAll(',', '')) + 3)
    expect(await page.evaluate(() => (window as unknown as { __wallMarker?: string }).__wallMarker)).toBe('no-reload')
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
    await screenshot(page, 'wall-after-import')
  })

  it('shows "data as of" while the server is down and clears it when it is back', async () => {
    const { page } = wall
    await page.evaluate(() => Object.assign(window, { __wallMarker: 'still-here' }))
    await server.halt()
    try {
      await page.getByTestId('wall-stale-banner').waitFor({ timeout: 30_000 })
      expect(await page.getByTestId('wall-stale-banner').textContent()).toMatch(/数据截至 \d\d:\d\d/)
      await screenshot(page, 'wall-server-lost')
    }
    finally {
      await server.resume()
    }
    await page.getByTestId('wall-stale-banner').waitFor({ state: 'detached', timeout: 60_000 })
    expect(await page.evaluate(() => (window as unknown as { __wallMarker?: string }).__wallMarker)).toBe('still-here')
  })

  it('made no request off this machine', () => {
    expect(wall.externalRequests).toEqual([])
  })
})
