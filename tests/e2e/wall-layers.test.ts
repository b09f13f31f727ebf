import type { MapHandle, OfflinePage } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { displayToken, startFlow } from '../helpers/e2e-flow.ts'

type Page = OfflinePage['page']
/** The raw map with the two style readers this file needs. */
type WallMap = MapHandle & {
  getStyle: () => { layers: { id: string }[], sources: Record<string, unknown> }
  getSource: (id: string) => unknown
  getPaintProperty: (layer: string, name: string) => unknown
}
type WallWindow = Window & { __riskmap?: { map: WallMap } }

/** Each overlay scene, the layer whose rendered features prove it is drawn, and its sources. */
const SCENES = [
  { layer: 'gistar', indicator: 'all', months: 12, drawn: 'gistar-fill', sources: ['gistar'], items: 7 },
  { layer: 'blindspots', indicator: 'all', months: 12, drawn: 'blind-spots-fill', sources: ['blind-spots'], items: 4 },
  { layer: 'patrol', indicator: 'A', months: 1, drawn: 'patrol-outline', sources: ['patrol-zones'], items: 4 },
  { layer: 'water', indicator: 'A2-01', months: 12, drawn: 'water-zones-fill', sources: ['water-zones', 'water-assets', 'water-routes', 'water-shore'], items: 10 },
] as const
const OVERLAY_SOURCES = SCENES.flatMap(s => [...s.sources])

async function styleState(page: Page) {
  return page.evaluate((ids) => {
    const style = (window as WallWindow).__riskmap!.map.getStyle()
    return { layers: style.layers.length, sources: Object.keys(style.sources).length, overlays: ids.filter(id => id in style.sources) }
  }, OVERLAY_SOURCES)
}

async function waitForDrawn(page: Page, layer: string) {
  try {
    await page.waitForFunction((id) => {
      const map = (window as WallWindow).__riskmap?.map
      return !!map?.getLayer(id) && map.queryRenderedFeatures({ layers: [id] }).length > 0
    }, layer, { timeout: 60_000 })
  }
  catch (err) {
    await screenshot(page, `wall-layer-failed-${layer}`)
    throw err
  }
}

describeIfBrowser('the wall draws the real hot spot, blind spot, patrol and water layers', () => {
  let flow: E2eFlow
  let server: E2eServer
  let admin: OfflinePage
  let wall: OfflinePage
  let playlistId: number
  let secret: string
  let csrf: string

  beforeAll(async () => {
    flow = await startFlow()
    ;({ server, admin, csrf } = flow)
    const res = await admin.context.request.post(`${server.url}/api/wall/playlists`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        name: '大屏图层 e2e',
        intervalS: 600,
        region: '500104',
        kpis: [{ kind: 'count', indicator: 'A2' }],
        scenes: SCENES.map(s => ({ kind: 'map', layer: s.layer, indicator: s.indicator, region: null, level: 'township', period: { months: s.months }, camera: null })),
      },
    })
    expect(res.status(), await res.text()).toBe(201)
    playlistId = (await res.json()).playlist.id
    secret = await displayToken(flow, '大屏图层 e2e', '500104')
    wall = await flow.open({ width: 1920, height: 1080 })
  }, 15 * 60_000)

  afterAll(() => flow?.close())

  for (const [i, scene] of SCENES.entries()) {
    it(`scene ${i + 1}: ${scene.layer} is drawn from its own source, with a large legend`, async () => {
      const { page } = wall
      await page.goto(`${server.url}/wall?token=${secret}&playlist=${playlistId}&interval=600&scene=${i + 1}`)
      await waitForDrawn(page, scene.drawn)
      // Framed on the district (or, for patrol zones and blind spots, on the features), not the country.
      await page.waitForFunction(() => (window as WallWindow).__riskmap!.map.getZoom() > 9.5, undefined, { timeout: 30_000 })
      await waitForMapIdle(page)
      // The overlay replaces the choropleth fill (made transparent): one colour scheme at a time.
      expect(await page.evaluate(() => (window as WallWindow).__riskmap!.map.getPaintProperty('regions-fill', 'fill-opacity'))).toBe(0)
      const state = await styleState(page)
      expect(state.overlays).toEqual(scene.sources)
      const legend = page.getByTestId('wall-legend')
      await legend.waitFor()
      expect(await legend.getAttribute('data-layer')).toBe(scene.layer)
      await page.waitForFunction(n => document.querySelectorAll('[data-testid="wall-legend-item"]').length === n, scene.items, { timeout: 30_000 })
      await screenshot(page, `wall-layer-${scene.layer}`)
      const px = await page.locator('[data-testid="wall-legend-item"]').first().evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))
      expect(px).toBeGreaterThanOrEqual(28)
      // The legend sits between the columns, above the ticker, over none of the panels.
      const clear = await page.evaluate(() => {
        const l = document.querySelector('[data-testid="wall-legend"]')!.getBoundingClientRect()
        return ['.header', '.left', '.right', '.ticker'].every((s) => {
          const b = document.querySelector(s)!.getBoundingClientRect()
          return !(l.left < b.right - 1 && b.left < l.right - 1 && l.top < b.bottom - 1 && b.top < l.bottom - 1)
        })
      })
      expect(clear).toBe(true)
      expect(await page.getByTestId('wall-scene-title').textContent()).not.toContain('分级设色显示')
      expect(wall.pageErrors).toEqual([])
    })
  }

  it('rotating through the overlays swaps sources and layers without leaving any behind', async () => {
    const { page } = wall
    await page.goto(`${server.url}/wall?token=${secret}&playlist=${playlistId}&interval=8`)
    await waitForDrawn(page, SCENES[0].drawn)
    const first = await styleState(page)
    const seen: string[][] = []
    // Two full rounds: every scene shows only its own sources, and the style does not grow.
    for (let round = 0; round < 2; round++) {
      for (const [i, scene] of SCENES.entries()) {
        // Read in one go once the scene's own sources are there: which overlay sources the style holds.
        const handle = await page.waitForFunction(({ n, own, all }) => {
          if (document.querySelector('[data-testid="wall-scene-title"]')?.getAttribute('data-scene') !== String(n))
            return false
          const sources = (window as WallWindow).__riskmap!.map.getStyle().sources
          return own.every(id => id in sources) && { overlays: all.filter(id => id in sources) }
        }, { n: i, own: [...scene.sources], all: OVERLAY_SOURCES }, { timeout: 40_000 })
        const state = await handle.jsonValue() as { overlays: string[] }
        seen.push(state.overlays)
        expect(state.overlays).toEqual(scene.sources)
      }
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="wall-scene-title"]')?.getAttribute('data-scene') === '0', undefined, { timeout: 30_000 })
    await waitForDrawn(page, SCENES[0].drawn)
    const again = await styleState(page)
    expect(again).toEqual(first)
    expect(seen).toHaveLength(8)
    expect(wall.pageErrors).toEqual([])
    expect(wall.externalRequests).toEqual([])
  })

  it('a new warning (issue 7) reaches the ticker over the stream, without a reload', async () => {
    const { page } = wall
    await page.waitForFunction(() => document.querySelector('[data-testid="wall"]')?.getAttribute('data-stream') === 'live', undefined, { timeout: 30_000 })
    expect(await page.locator('[data-testid="wall-ticker-item"][data-kind="warning"]').count()).toBe(0)
    // A zero target on 110 calls breaks in every township with one this month: all of them new warnings.
    const rule = await admin.context.request.post(`${server.url}/api/warning-rules`, {
      data: { kind: 'zero_target', name: '大屏 e2e 零发生', indicator: 'A2', level: 'township', severity: 'warning' },
      headers: { 'X-CSRF-Token': csrf },
    })
    expect(rule.status(), await rule.text()).toBe(201)
    const { currentMonth } = await (await admin.context.request.get(`${server.url}/api/meta`)).json()
    const evaluated = await admin.context.request.post(`${server.url}/api/warnings/evaluate?period=${currentMonth}`, { headers: { 'X-CSRF-Token': csrf } })
    expect(evaluated.status(), await evaluated.text()).toBe(200)
    const item = page.locator('[data-testid="wall-ticker-item"][data-kind="warning"]').first()
    await item.waitFor({ timeout: 30_000 })
    expect(await item.textContent()).toMatch(/预警.*零目标被打破/)
    expect(await item.getAttribute('class')).toContain('severity-warning')
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
    await screenshot(page, 'wall-warning-in-ticker')
    expect(wall.pageErrors).toEqual([])
  })
})
