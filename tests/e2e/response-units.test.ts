import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { onDutyAt, parseDutyWindows } from '../../server/src/analysis/duty-windows.ts'
import { addMonths } from '../../server/src/analysis/months.ts'
import { describeIfBrowser, describeIfServerDb, serverDatabaseUrl } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { mapReady, openPanel } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

const DISTRICT = '500104'
const MONTHS = 6
const ANALYST = { username: 'zhao.analyst', password: 'analyst-password-2026' }
/** Quotes, `;`, `$`, Chinese and an emoji, as every form must take them. */
const NAME = '九宫庙 "治安岗亭"; $1 🚨'

interface CoverageRegion { code: string, name: string, events: number, within1: number, within3: number, within5: number }
interface Unit { id: number, lon: number, lat: number, duty: Array<{ days?: number[], start: string, end: string }> }

/**
 * Geodesic distance on the WGS84 ellipsoid (Vincenty's inverse formula, sub-millimetre), the
 * distance PostGIS measures on geography, written here independently of the server.
 */
function geodesicMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137
  const f = 1 / 298.257223563
  const b = a * (1 - f)
  const rad = Math.PI / 180
  const L = (lon2 - lon1) * rad
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * rad))
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * rad))
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)]
  let lambda = L
  for (let i = 0; i < 200; i++) {
    const sinL = Math.sin(lambda)
    const cosL = Math.cos(lambda)
    const sinSigma = Math.sqrt((cosU2 * sinL) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosL) ** 2)
    if (sinSigma === 0)
      return 0
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL
    const sigma = Math.atan2(sinSigma, cosSigma)
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma
    const cos2Alpha = 1 - sinAlpha ** 2
    const cos2SigmaM = cos2Alpha ? cosSigma - (2 * sinU1 * sinU2) / cos2Alpha : 0
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha))
    const previous = lambda
    lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)))
    if (Math.abs(lambda - previous) < 1e-12) {
      const u2 = (cos2Alpha * (a * a - b * b)) / (b * b)
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
      const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
      const dSigma = B * sinSigma * (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM ** 2) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)))
      return b * A * (sigma - dSigma)
    }
  }
  throw new Error('Vincenty did not converge')
}

/**
 * The township's coverage counted here: its events of the months, each within n minutes when
 * the nearest unit on duty at the event's time (Asia/Shanghai) lies within the n-minute radius.
 */
function independentCount(events: Array<{ lon: number, lat: number, at: Date }>, units: Unit[], radii: [number, number, number]) {
  const parsed = units.map((u) => {
    const windows = parseDutyWindows(u.duty)
    if (!windows.ok)
      throw new Error(windows.message)
    return { ...u, windows: windows.windows }
  })
  const out = { events: events.length, within1: 0, within3: 0, within5: 0 }
  for (const e of events) {
    let nearest = Infinity
    for (const u of parsed) {
      if (Math.abs(u.lat - e.lat) > 0.05 || Math.abs(u.lon - e.lon) > 0.06)
        continue
      if (u.windows.length && !onDutyAt(u.windows, e.at))
        continue
      nearest = Math.min(nearest, geodesicMetres(u.lon, u.lat, e.lon, e.lat))
    }
    out.within1 += nearest <= radii[0] ? 1 : 0
    out.within3 += nearest <= radii[1] ? 1 : 0
    out.within5 += nearest <= radii[2] ? 1 : 0
  }
  return out
}

async function coverageRow(page: Page, code: string): Promise<CoverageRegion> {
  const row = page.locator(`[data-testid=units-coverage-row][data-code="${code}"]`)
  await row.waitFor({ state: 'visible', timeout: 60_000 })
  const n = async (attr: string) => Number(await row.getAttribute(attr))
  return { code, name: '', events: await n('data-events'), within1: await n('data-within1'), within3: await n('data-within3'), within5: await n('data-within5') }
}

/** The independent count reads the server's database, so the flow needs DATABASE_URL as well as Chromium. */
const describeFlow = serverDatabaseUrl ? describeIfBrowser : describeIfServerDb

describeFlow('response units (处置单元): place a unit, see its 1/3/5 reach, coverage changes by an independent count', () => {
  let flow: E2eFlow
  let server: E2eServer
  let admin: OfflinePage
  let analyst: OfflinePage
  let db: pg.Client
  let period: string
  let township: { code: string, name: string }
  let spot: { lon: number, lat: number }
  let before: CoverageRegion
  let unitId: number
  let radii: [number, number, number]
  let apiCoverage: { regions: CoverageRegion[], method: { kind: string, steps: Array<{ metres: number }> } }

  beforeAll(async () => {
    flow = await startFlow()
    ;({ server, admin } = flow)
    if (!server.databaseUrl)
      throw new Error('this flow counts events in the server database: run it with DATABASE_URL')
    db = new pg.Client({ connectionString: server.databaseUrl })
    await db.connect()
    analyst = await flow.signedIn(ANALYST, 'analyst')

    period = (await (await admin.context.request.get(`${server.url}/api/meta`)).json()).months.to
    // The district's busiest township in the period, and its busiest 0.002° cell: a unit there
    // certainly changes the 1-minute numbers.
    const from = `${addMonths(period, 1 - MONTHS)}-01`
    const busiest = await db.query<{ code: string, name: string }>(`
      SELECT r.code, r.name FROM event e JOIN region r ON r.code = e.township
      WHERE r.parent = $1 AND e.month BETWEEN $2::date AND $3::date
      GROUP BY r.code, r.name ORDER BY count(*) DESC LIMIT 1`, [DISTRICT, from, `${period}-01`])
    township = busiest.rows[0]!
    const cell = await db.query<{ lon: number, lat: number }>(`
      SELECT avg(ST_X(geom)) AS lon, avg(ST_Y(geom)) AS lat FROM event
      WHERE township = $1 AND month BETWEEN $2::date AND $3::date
      GROUP BY round(ST_X(geom)::numeric / 0.002), round(ST_Y(geom)::numeric / 0.002)
      ORDER BY count(*) DESC LIMIT 1`, [township.code, from, `${period}-01`])
    spot = { lon: Number(cell.rows[0]!.lon), lat: Number(cell.rows[0]!.lat) }
  })

  afterAll(async () => {
    await db?.end()
    await flow?.close()
  })

  it('opens the units panel with the coverage table of the district\'s townships', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&period=${period}#15/${spot.lat}/${spot.lon}`)
    await mapReady(page)
    await openPanel(page, 'units')
    before = await coverageRow(page, township.code)
    expect(before.events).toBeGreaterThan(0)
    expect(await page.getByTestId('units-coverage-period').textContent()).toContain(period)
  })

  it('places a unit by clicking the map, shows the server\'s refusal of overlapping duty windows, then saves', async () => {
    const { page } = admin
    await page.getByTestId('units-new').click()
    await page.getByTestId('units-place-point').click()
    await page.waitForFunction(() => document.body.dataset.drawMode === 'point', undefined, { timeout: 30_000 })
    const at = await page.evaluate(({ lon, lat }) => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const p = map.project([lon, lat])
      const box = map.getCanvas().getBoundingClientRect()
      const onCanvas = document.elementFromPoint(box.left + p.x, box.top + p.y) === map.getCanvas()
      const code = map.queryRenderedFeatures([p.x, p.y], { layers: ['regions-fill'] })[0]?.properties.code
      return { x: box.left + p.x, y: box.top + p.y, onCanvas, code: String(code) }
    }, spot)
    expect(at.onCanvas).toBe(true)
    expect(at.code).toBe(township.code)
    await page.mouse.move(at.x, at.y, { steps: 4 })
    await page.mouse.click(at.x, at.y)
    await page.getByTestId('units-placed').waitFor({ state: 'visible', timeout: 10_000 })
    // The click placed the unit: it did not also select or drill into the township beneath.
    expect(new URL(page.url()).searchParams.get('parent')).toBe(DISTRICT)

    await page.getByTestId('units-name').fill(NAME)
    await page.getByTestId('units-type-select').selectOption('security_post')
    await page.getByTestId('units-staff').fill('3')
    await page.getByTestId('units-contact').fill('023-6888 1234')
    // Weekdays 08:00–18:00, and every day 17:00–23:00: they overlap on weekdays at 17:00.
    await page.getByTestId('units-duty-add').click()
    await page.getByTestId('units-duty-add').click()
    for (const d of [1, 2, 3, 4, 5])
      await page.getByTestId(`units-duty-day-1-${d}`).click()
    for (const d of [1, 2, 3, 4, 5, 6, 7])
      await page.getByTestId(`units-duty-day-1-${d}`).click()
    await page.getByTestId('units-duty-start-1').fill('17:00')
    await page.getByTestId('units-duty-end-1').fill('23:00')
    const refused = page.waitForResponse(r => r.request().method() === 'POST' && r.url().endsWith('/api/response-units'))
    await page.getByTestId('units-save').click()
    expect((await refused).status()).toBe(400)
    await page.getByTestId('units-form-error').waitFor({ state: 'visible' })
    expect(await page.getByTestId('units-form-error').textContent()).toMatch(/duty windows overlap: window 1 \(1,2,3,4,5 08:00-18:00\) and window 2 \(17:00-23:00\)/)
    await screenshot(page, 'units-1-overlap-refused')

    // The evening window from 18:00, running past midnight to 02:00.
    await page.getByTestId('units-duty-start-1').fill('18:00')
    await page.getByTestId('units-duty-end-1').fill('02:00')
    const created = page.waitForResponse(r => r.request().method() === 'POST' && r.url().endsWith('/api/response-units'))
    const reloaded = page.waitForResponse(r => r.url().includes('/api/coverage?'))
    await page.getByTestId('units-save').click()
    const res = await created
    expect(res.status()).toBe(201)
    const unit = (await res.json()).unit
    unitId = unit.id
    expect(unit.properties.region).toBe(township.code)
    expect(unit.properties.duty).toEqual([{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, { start: '18:00', end: '02:00' }])
    await reloaded
    await page.getByTestId('units-detail').waitFor({ state: 'visible' })
    expect(await page.getByTestId('units-detail-name').textContent()).toContain(NAME)
  })

  it('draws its 1/3/5-minute reach as three nested areas, with the method said', async () => {
    const { page } = admin
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const minutes = map.queryRenderedFeatures({ layers: ['reach-fill'] }).map(f => Number(f.properties.minutes))
      return [1, 3, 5].every(m => minutes.includes(m))
    }, undefined, { timeout: 30_000 })
    const reach = await (await page.context().request.get(`${server.url}/api/response-units/${unitId}/reach`)).json()
    const method = await page.getByTestId('units-reach-method')
    if (reach.method.kind === 'speed')
      expect(await method.textContent()).toContain('直线距离近似，未加载路网')
    expect(await method.getAttribute('data-kind')).toBe(reach.method.kind)
    for (const m of [1, 3, 5])
      expect(await page.getByTestId(`units-reach-${m}`).isVisible()).toBe(true)
    // The unit's own dot is drawn above the reach.
    await page.waitForFunction(id => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['units-points'] }).some(f => Number(f.properties.id) === id), unitId, { timeout: 30_000 })
    // Out to where the 2.5 km reinforcement ring fits on screen.
    for (let i = 0; i < 2; i++) {
      await page.locator('.maplibregl-ctrl-zoom-out').click()
      await page.waitForTimeout(400)
    }
    await waitForMapIdle(page)
    await screenshot(page, 'units-2-reach')
  })

  it('changes the township\'s coverage in the table by exactly what an independent count gives', async () => {
    const { page } = admin
    await page.getByTestId('units-back').click()
    await page.locator('[data-testid=units-coverage][data-loading="0"]').waitFor()
    const after = await coverageRow(page, township.code)

    apiCoverage = await (await page.context().request.get(`${server.url}/api/coverage?level=township&parent=${DISTRICT}&months=${MONTHS}&to=${period}`)).json()
    expect(apiCoverage.regions.find(r => r.code === township.code)).toMatchObject({ events: after.events, within1: after.within1, within3: after.within3, within5: after.within5 })
    radii = apiCoverage.method.steps.map(s => s.metres) as [number, number, number]
    expect(apiCoverage.method.kind).toBe('speed')

    const units = ((await (await page.context().request.get(`${server.url}/api/response-units`)).json()).features as any[])
      .map(f => ({ id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], duty: f.properties.duty }))
    expect(units.some(u => u.id === unitId)).toBe(true)
    const events = (await db.query<{ lon: number, lat: number, at: Date }>(`
      SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat, occurred_at AS at FROM event
      WHERE township = $1 AND month BETWEEN $2::date AND $3::date`, [township.code, `${addMonths(period, 1 - MONTHS)}-01`, `${period}-01`])).rows
    const expected = independentCount(events, units, radii)
    const withoutNew = independentCount(events, units.filter(u => u.id !== unitId), radii)
    expect(after).toMatchObject(expected)
    expect({ ...before, name: '' }).toMatchObject(withoutNew)
    // The unit stands on the township's busiest spot: the numbers moved.
    expect(after.within1).toBeGreaterThan(before.within1)
    expect(after.within5).toBeGreaterThanOrEqual(before.within5)
    await screenshot(page, 'units-3-coverage-table')
  })

  it('colours the choropleth by 5-minute coverage, with a 0–100 % legend, kept in the URL', async () => {
    const { page } = admin
    await page.getByTestId('layer-coverage').selectOption('5')
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layers')?.includes('cover5'), undefined, { timeout: 10_000 })
    await page.getByTestId('coverage-legend').waitFor({ state: 'visible' })
    expect(await page.getByTestId('coverage-legend').textContent()).toContain('100%')
    const row = apiCoverage.regions.find(r => r.code === township.code)!
    // The server rounds shares to 4 decimals.
    await page.waitForFunction(({ code, share }) => {
      const state = (window as RiskmapWindow).__riskmap!.map.getFeatureState({ source: 'regions', id: code })
      return Math.abs(Number(state.metric) - share) <= 5e-5
    }, { code: township.code, share: row.within5 / row.events }, { timeout: 30_000 })
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&period=${period}&layers=choropleth,units,cover5#12/${spot.lat}/${spot.lon}`)
    await waitForMapIdle(page)
    await page.getByTestId('coverage-legend').waitFor({ state: 'visible' })
    await page.waitForFunction(code => typeof (window as RiskmapWindow).__riskmap!.map.getFeatureState({ source: 'regions', id: code }).metric === 'number', township.code, { timeout: 30_000 })
    await page.waitForFunction(() => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['units-points'] }).length > 0, undefined, { timeout: 30_000 })
    await waitForMapIdle(page)
    // Hovering the township tells its share and counts.
    const at = await page.evaluate(({ lon, lat }) => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const p = map.project([lon, lat])
      const box = map.getCanvas().getBoundingClientRect()
      return { x: box.left + p.x + 25, y: box.top + p.y + 25 }
    }, spot)
    await page.mouse.move(at.x, at.y, { steps: 3 })
    await page.getByTestId('tooltip-coverage').filter({ hasText: `(${row.within5}/${row.events})` }).waitFor({ timeout: 10_000 })
    await screenshot(page, 'units-4-coverage-choropleth')
  })

  it('is read-only for an analyst', async () => {
    const { page } = analyst
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&period=${period}#15/${spot.lat}/${spot.lon}`)
    await waitForMapIdle(page)
    await openPanel(page, 'units')
    await page.getByTestId(`units-open-${unitId}`).click()
    await page.getByTestId('units-read-only').waitFor({ state: 'visible' })
    expect(await page.getByTestId('units-edit').count()).toBe(0)
    expect(await page.getByTestId('units-delete').count()).toBe(0)
    await page.getByTestId('units-back').click()
    expect(await page.getByTestId('units-new').count()).toBe(0)
  })

  it('edits it: more staff, and moved by clicking the map again', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&period=${period}#15/${spot.lat}/${spot.lon}`)
    await waitForMapIdle(page)
    await openPanel(page, 'units')
    await page.getByTestId(`units-open-${unitId}`).click()
    await page.getByTestId('units-edit').click()
    await page.getByTestId('units-staff').fill('5')
    await page.getByTestId('units-place-point').click()
    await page.waitForFunction(() => document.body.dataset.drawMode === 'point', undefined, { timeout: 30_000 })
    const to = await page.evaluate(({ lon, lat }) => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const p = map.project([lon, lat])
      const box = map.getCanvas().getBoundingClientRect()
      return { x: box.left + p.x - 60, y: box.top + p.y }
    }, spot)
    await page.mouse.move(to.x, to.y, { steps: 4 })
    await page.mouse.click(to.x, to.y)
    await page.getByTestId('units-placed').waitFor({ state: 'visible', timeout: 10_000 })
    const patched = page.waitForResponse(r => r.request().method() === 'PATCH' && r.url().endsWith(`/api/response-units/${unitId}`))
    await page.getByTestId('units-save').click()
    const res = await patched
    expect(res.status()).toBe(200)
    const sent = res.request().postDataJSON()
    expect(sent).toMatchObject({ version: 1, staff: 5, geometry: { type: 'Point' } })
    expect(Object.keys(sent).sort()).toEqual(['geometry', 'staff', 'version'])
    const moved = (await res.json()).unit
    expect(moved.properties.version).toBe(2)
    expect(moved.geometry.coordinates[0]).toBeLessThan(spot.lon)
    await page.getByTestId('units-field-staff').filter({ hasText: '5 人' }).waitFor()
    // The reach follows the unit to its new place.
    await page.waitForFunction((lon) => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const one = map.queryRenderedFeatures({ layers: ['reach-fill'] }).find(f => Number(f.properties.minutes) === 1)
      const ring = (one?.geometry.coordinates as number[][][] | undefined)?.[0] ?? []
      return ring.length > 0 && Math.max(...ring.map(p => p[0]!)) < lon
    }, spot.lon, { timeout: 30_000 })
    await waitForMapIdle(page)
    await screenshot(page, 'units-5-edited-moved')
  })

  it('deletes it after a confirmation, and the coverage returns to what it was', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&period=${period}#15/${spot.lat}/${spot.lon}`)
    await waitForMapIdle(page)
    await openPanel(page, 'units')
    await page.getByTestId(`units-open-${unitId}`).click()
    await page.getByTestId('units-delete').click()
    await page.getByTestId('units-delete-confirm').waitFor({ state: 'visible' })
    const reloaded = page.waitForResponse(r => r.url().includes('/api/coverage?'))
    await page.getByTestId('units-delete-yes').click()
    await reloaded
    await page.locator('[data-testid=units-coverage][data-loading="0"]').waitFor()
    expect(await page.getByTestId(`units-open-${unitId}`).count()).toBe(0)
    expect(await coverageRow(page, township.code)).toMatchObject({ events: before.events, within1: before.within1, within3: before.within3, within5: before.within5 })
  })

  it('never reached beyond this machine and threw no page errors', () => {
    expect([...admin.externalRequests, ...analyst.externalRequests]).toEqual([])
    expect([...admin.pageErrors, ...analyst.pageErrors]).toEqual([])
  })
})
