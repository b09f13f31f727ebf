import type { MapHandle, OfflinePage } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { clickAt, drawableSquare, mapReady, openPanel } from '../helpers/e2e-map.ts'

const DISTRICT = '500104'
const NAME = '九宫庙 "夜巡" 区; $1'

/** The two more MapLibre calls this file needs, beyond the shared MapHandle. */
interface PatrolMapWindow { __riskmap?: { map: MapHandle & { getLayoutProperty: (layer: string, name: string) => unknown, querySourceFeatures: (source: string) => unknown[] } } }

describeIfBrowser('patrol zones (巡逻): draw, save, heatmap with recommended windows, layer, delete', () => {
  let flow: E2eFlow
  let server: E2eServer
  let admin: OfflinePage
  let zoneId: number

  beforeAll(async () => {
    flow = await startFlow({ env: { RISKMAP_DEMO_EVENTS: '30000', RISKMAP_STATEMENT_TIMEOUT_MS: '120000' } })
    ;({ server, admin } = flow)
  })

  afterAll(() => flow?.close())

  it('lists the synthetic demo zones and draws them on the map while the panel is open', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}`)
    await mapReady(page)
    await openPanel(page, 'patrol')
    const demo = (await (await page.context().request.get(`${server.url}/api/patrol-zones`)).json()).features.filter((f: any) => f.properties.synthetic)
    expect(demo.map((f: any) => f.properties.type).sort()).toEqual(['back_alley', 'drone_night_route', 'garage_warehouse', 'street'])
    for (const f of demo)
      await page.getByTestId(`patrol-item-${f.id}`).waitFor({ state: 'visible' })
    await page.waitForFunction(() => {
      const map = (window as unknown as PatrolMapWindow).__riskmap!.map
      return map.getLayer('patrol-fill') && map.getLayoutProperty('patrol-fill', 'visibility') === 'visible'
        && map.querySourceFeatures('patrol-zones').length >= 4
    }, undefined, { timeout: 30_000 })
  })

  it('draws a polygon by clicks; overlapping shifts are refused naming both, then it saves', async () => {
    const { page } = admin
    await page.getByTestId('patrol-add').click()
    await page.getByTestId('patrol-type').selectOption('back_alley')
    await page.getByTestId('patrol-draw-polygon').click()
    await page.waitForFunction(() => document.body.dataset.drawMode === 'polygon', undefined, { timeout: 30_000 })
    const selectedBefore = new URL(page.url()).searchParams.get('selected')
    const square = await drawableSquare(page, 45)
    for (const corner of square.corners)
      await clickAt(page, corner)
    await clickAt(page, square.corners[0]!)
    await page.getByTestId('patrol-draw-status').waitFor({ state: 'visible', timeout: 10_000 })
    expect(new URL(page.url()).searchParams.get('selected')).toBe(selectedBefore)

    await page.getByTestId('patrol-name').fill(NAME)
    await page.getByTestId('patrol-team').fill('背街巡防二队')
    await page.getByTestId('patrol-shift-add').click()
    await page.getByTestId('patrol-shift-add').click()
    await page.getByTestId('patrol-shift-start-0').fill('19:00')
    await page.getByTestId('patrol-shift-end-0').fill('23:00')
    await page.getByTestId('patrol-shift-start-1').fill('22:00')
    await page.getByTestId('patrol-shift-end-1').fill('02:00')
    const before = (await (await page.context().request.get(`${server.url}/api/patrol-zones`)).json()).features.length
    await page.getByTestId('patrol-save').click()
    const error = page.getByTestId('patrol-form-error')
    await error.waitFor({ state: 'visible', timeout: 30_000 })
    expect(await error.textContent()).toMatch(/shift 1 \(19:00-23:00\) and shift 2 \(22:00-02:00\) overlap, first on Monday at 22:00/)
    expect((await (await page.context().request.get(`${server.url}/api/patrol-zones`)).json()).features.length).toBe(before)
    await screenshot(page, 'patrol-1-overlap-refused')

    await page.getByTestId('patrol-shift-start-1').fill('23:00')
    await page.getByTestId('patrol-save').click()
    await page.getByTestId('patrol-detail').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.getByTestId('patrol-detail-name').textContent()).toContain(NAME)

    const zones = (await (await page.context().request.get(`${server.url}/api/patrol-zones`)).json()).features
    const saved = zones.find((f: any) => f.properties.name === NAME)
    zoneId = saved.id
    expect(saved.geometry.type).toBe('Polygon')
    expect(saved.geometry.coordinates[0]).toHaveLength(5)
    expect(saved.properties).toMatchObject({ type: 'back_alley', team: '背街巡防二队', region: square.code, synthetic: false, shifts: [{ start: '19:00', end: '23:00' }, { start: '23:00', end: '02:00' }] })
    const audit = (await (await page.context().request.get(`${server.url}/api/admin/audit?entity=patrol_zone`)).json())
    expect(JSON.stringify(audit)).toContain('patrol_zone.create')

    // Edit: a new team and the weekend only for the late shift; the shape is kept.
    await page.getByTestId('patrol-edit').click()
    await page.getByTestId('patrol-team').fill('背街巡防三队')
    for (const d of [1, 2, 3, 4, 5])
      await page.getByTestId(`patrol-shift-day-1-${d}`).click()
    await page.getByTestId('patrol-save').click()
    await page.getByTestId('patrol-detail').waitFor({ state: 'visible', timeout: 30_000 })
    await page.waitForFunction(() => document.querySelector('[data-testid=patrol-detail-shifts]')?.textContent?.includes('周六–周日'), undefined, { timeout: 30_000 })
    const edited = (await (await page.context().request.get(`${server.url}/api/patrol-zones/${zoneId}`)).json()).zone
    expect(edited.properties).toMatchObject({ team: '背街巡防三队', version: 2, shifts: [{ start: '19:00', end: '23:00' }, { days: [6, 7], start: '23:00', end: '02:00' }] })
    expect(edited.geometry).toEqual(saved.geometry)
  })

  it('shows the drawn zone\'s heatmap with the same total as the API', async () => {
    const { page } = admin
    await page.getByTestId('patrol-heatmap-total').waitFor({ state: 'visible', timeout: 60_000 })
    const api = (await (await page.context().request.get(`${server.url}/api/patrol-zones/${zoneId}/heatmap?months=12&hours=3`)).json()).heatmap
    expect(await page.getByTestId('patrol-heatmap-total').textContent()).toContain(`${api.total}`)
    await page.getByTestId('patrol-heatmap-chart').locator('canvas').first().waitFor({ state: 'visible' })
    await screenshot(page, 'patrol-2-drawn-zone-heatmap')
  })

  it('opens the demo street zone over the planted evening hot spot: an evening peak its day shift misses', async () => {
    const { page } = admin
    const street = (await (await page.context().request.get(`${server.url}/api/patrol-zones?type=street`)).json()).features.find((f: any) => f.properties.synthetic)
    await page.getByTestId('patrol-back').click()
    await page.getByTestId(`patrol-item-${street.id}`).click()
    await page.getByTestId('patrol-windows').waitFor({ state: 'visible', timeout: 60_000 })
    const heat = (await (await page.context().request.get(`${server.url}/api/patrol-zones/${street.id}/heatmap?months=12&hours=3`)).json()).heatmap
    expect(heat.total).toBeGreaterThan(20)
    expect(heat.recommended.length).toBeGreaterThan(0)
    await page.getByTestId('patrol-window-0').waitFor({ state: 'visible' })
    expect(await page.getByTestId('patrol-window-0').textContent()).toContain(heat.recommended[0].start)
    expect(await page.getByTestId('patrol-windows-summary').textContent()).toBeTruthy()
    await page.waitForTimeout(500)
    await screenshot(page, 'patrol-3-demo-street-heatmap')
  })

  it('switches the layer in the URL with its legend, and deletes the drawn zone', async () => {
    const { page } = admin
    await page.getByTestId('layer-patrol').check()
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('layers') ?? '').split(',').includes('patrol'))
    await page.getByTestId('patrol-legend').waitFor({ state: 'visible' })
    await page.getByTestId('patrol-back').click()
    await page.getByTestId(`patrol-item-${zoneId}`).click()
    await page.getByTestId('patrol-delete').click()
    await page.getByTestId('patrol-delete-confirm').click()
    // Back on the list once the delete went through, without the zone.
    await page.getByTestId('patrol-add').waitFor({ state: 'visible', timeout: 30_000 })
    await page.getByTestId(`patrol-item-${zoneId}`).waitFor({ state: 'detached', timeout: 30_000 })
    expect((await page.context().request.get(`${server.url}/api/patrol-zones/${zoneId}`)).status()).toBe(404)
    // The layer stays on from the URL with the panel closed.
    await page.getByTestId('patrol-close').click()
    await waitForMapIdle(page)
    expect(await page.evaluate(() => (window as unknown as PatrolMapWindow).__riskmap!.map.getLayoutProperty('patrol-fill', 'visibility'))).toBe('visible')
    await screenshot(page, 'patrol-4-layer-legend')
  })
})
