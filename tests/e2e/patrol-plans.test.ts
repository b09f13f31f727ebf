import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addMonths } from '../../server/src/analysis/months.ts'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { mapReady, openPanel } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

const DISTRICT = '500104'
const MONTHS = 6
/** Quotes, `;`, `$`, Chinese and an emoji, as every form must take them. */
const NAME = '九宫庙 "夜巡" 布防; $1 🚨'

interface CompareRow { code: string, events: number, today: number, withPlan: number }

async function compareRows(page: Page): Promise<CompareRow[]> {
  const rows = page.locator('[data-testid=plans-compare-row]')
  await rows.first().waitFor({ state: 'visible', timeout: 120_000 })
  return rows.evaluateAll(trs => trs.map(tr => ({
    code: tr.getAttribute('data-code')!,
    events: Number(tr.getAttribute('data-events')),
    today: Number(tr.getAttribute('data-today')),
    withPlan: Number(tr.getAttribute('data-with-plan')),
  })))
}

/** The plan layers as rendered: how many numbered posts and route lines are on the canvas. */
async function renderedPlan(page: Page): Promise<{ posts: number[], routes: number }> {
  return page.evaluate(() => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const posts = map.queryRenderedFeatures({ layers: ['plan-posts'] }).map(f => Number(f.properties.rank))
    return { posts: [...new Set(posts)].sort((a, b) => a - b), routes: map.queryRenderedFeatures({ layers: ['plan-route'] }).length }
  })
}

describeIfBrowser('patrol plans (布防规划): k new posts with marginal gains, the route, save, reopen, today vs plan', () => {
  let flow: E2eFlow
  let server: E2eServer
  let admin: OfflinePage
  let db: pg.Client
  let period: string
  let township: { code: string, name: string }
  let solution: any
  let planId: number
  let csrf: string

  beforeAll(async () => {
    flow = await startFlow()
    ;({ server, admin, csrf } = flow)
    if (!server.databaseUrl)
      throw new Error('this flow counts events in the server database: run it with DATABASE_URL')
    db = new pg.Client({ connectionString: server.databaseUrl })
    await db.connect()
    period = (await (await admin.context.request.get(`${server.url}/api/meta`)).json()).months.to
    // The district's busiest township over the plan's months.
    const busiest = await db.query<{ code: string, name: string }>(`
      SELECT r.code, r.name FROM event e JOIN region r ON r.code = e.township
      WHERE r.parent = $1 AND e.month BETWEEN $2::date AND $3::date
      GROUP BY r.code, r.name ORDER BY count(*) DESC LIMIT 1`, [DISTRICT, `${addMonths(period, 1 - MONTHS)}-01`, `${period}-01`])
    township = busiest.rows[0]!
  })

  afterAll(async () => {
    await db?.end()
    await flow?.close()
  })

  it('runs a plan for k = 3 over a 大渡口 township: numbered posts with their gains and the route on the map', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&selected=${township.code}&period=${period}`)
    await mapReady(page, 90_000)
    await openPanel(page, 'plans')
    expect(await page.getByTestId('plans-region').getAttribute('data-code')).toBe(township.code)
    await page.getByTestId('plans-k').fill('3')
    await page.getByTestId('plans-k').dispatchEvent('change')

    const solved = page.waitForResponse(r => r.url().endsWith('/api/patrol-plans/solve'), { timeout: 180_000 })
    await page.getByTestId('plans-run').click()
    const res = await solved
    expect(res.status(), await res.text()).toBe(200)
    solution = await res.json()
    expect(solution.region.code).toBe(township.code)
    expect(solution.params).toMatchObject({ k: 3, minutes: 3, months: MONTHS, to: period, cellSize: 250 })
    expect(solution.posts).toHaveLength(3)
    // Gains are marginal: they never increase and add up to the coverage increase.
    const gains = solution.posts.map((p: any) => p.gain)
    expect(gains).toEqual([...gains].sort((a: number, b: number) => b - a))
    expect(gains.reduce((a: number, b: number) => a + b, 0)).toBe(solution.coveredAfter - solution.coveredBefore)
    expect(solution.coveredAfter).toBeGreaterThan(solution.coveredBefore)

    // The panel lists them in pick order with their gains, and the route with its length.
    await page.getByTestId('plans-result').waitFor({ state: 'visible' })
    const listed = await page.locator('[data-testid=plans-post]').evaluateAll(trs => trs.map(tr => [Number(tr.getAttribute('data-rank')), Number(tr.getAttribute('data-gain'))]))
    expect(listed).toEqual(solution.posts.map((p: any) => [p.rank, p.gain]))
    expect(Number(await page.getByTestId('plans-route').getAttribute('data-length'))).toBe(solution.route.lengthMetres)
    expect(solution.route.lengthMetres).toBeGreaterThan(0)

    // On the map: three numbered badges and the route line.
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap!.map
      return map.queryRenderedFeatures({ layers: ['plan-posts'] }).length >= 3 && map.queryRenderedFeatures({ layers: ['plan-route'] }).length > 0
    }, undefined, { timeout: 30_000 })
    await waitForMapIdle(page)
    expect(await renderedPlan(page)).toMatchObject({ posts: [1, 2, 3] })
    await screenshot(page, 'plans-1-result')
  })

  it('saves the plan under a name; the comparison with today appears', async () => {
    const { page } = admin
    await page.getByTestId('plans-save-name').fill(NAME)
    const created = page.waitForResponse(r => r.request().method() === 'POST' && r.url().endsWith('/api/patrol-plans'), { timeout: 180_000 })
    await page.getByTestId('plans-save-button').click()
    const res = await created
    expect(res.status(), await res.text()).toBe(201)
    const plan = (await res.json()).plan
    planId = plan.id
    expect(plan.name).toBe(NAME)
    expect(plan.posts.map((p: any) => [p.cell, p.gain])).toEqual(solution.posts.map((p: any) => [p.cell, p.gain]))
    await page.locator(`[data-testid=plans-opened][data-id="${planId}"]`).waitFor({ state: 'visible' })
    const rows = await compareRows(page)
    expect(rows.map(r => r.code)).toEqual([township.code])
    expect(rows[0]).toMatchObject({ today: solution.coveredBefore, withPlan: solution.coveredAfter, events: solution.events })
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'patrol_plan' AND entity_id = $1`, [String(planId)])
    expect(audit.rows.map(r => r.action)).toEqual(['patrol_plan.create'])
  })

  it('after a reload, reopens the saved plan from the list with its comparison, posts and route', async () => {
    const { page } = admin
    await page.reload()
    await mapReady(page, 90_000)
    await page.getByTestId('plans-toggle').click()
    await page.getByTestId('plans-tab-saved').click()
    const item = page.locator(`[data-testid=plans-saved-item][data-id="${planId}"]`)
    await item.waitFor({ state: 'visible', timeout: 30_000 })
    expect(await item.textContent()).toContain(NAME)
    const compared = page.waitForResponse(r => r.url().endsWith(`/api/patrol-plans/${planId}/compare`), { timeout: 180_000 })
    await item.getByTestId('plans-saved-open').click()
    expect((await compared).status()).toBe(200)
    const rows = await compareRows(page)
    expect(rows[0]).toMatchObject({ code: township.code, today: solution.coveredBefore, withPlan: solution.coveredAfter })
    await page.getByTestId('plans-compare-chart').locator('canvas').waitFor({ state: 'visible' })
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap!.map
      return map.queryRenderedFeatures({ layers: ['plan-posts'] }).length >= 3 && map.queryRenderedFeatures({ layers: ['plan-route'] }).length > 0
    }, undefined, { timeout: 30_000 })
    await waitForMapIdle(page)
    await screenshot(page, 'plans-2-reopened-compare')
  })

  it('a whole district at the 5-minute reach (the largest work the demo allows) is solved within bounds', async () => {
    const started = Date.now()
    const res = await admin.context.request.post(`${server.url}/api/patrol-plans/solve`, { data: { region: DISTRICT, k: 5, minutes: 5, cellSize: 250, months: MONTHS, to: period }, headers: { 'X-CSRF-Token': csrf }, timeout: 180_000 })
    const ms = Date.now() - started
    expect(res.status(), await res.text()).toBe(200)
    const body = await res.json()
    console.info(`[plans] ${DISTRICT}: ${body.candidates.count} candidates × ${body.events} events, 2.5 km reach, k = 5: ${ms} ms`)
    expect(body.candidates.count * body.events).toBeLessThanOrEqual(8_000_000)
    expect(body.posts.length).toBeGreaterThan(0)
    expect(body.posts.reduce((n: number, p: any) => n + p.gain, 0)).toBe(body.coveredAfter - body.coveredBefore)
    expect(ms).toBeLessThan(120_000)
  })

  it('the layer switch keeps the plan on the map with its legend once the panel is closed', async () => {
    const { page } = admin
    await page.getByTestId('plans-close').click()
    await page.getByTestId('layer-plans').check()
    await page.getByTestId('plans-legend').waitFor({ state: 'visible' })
    await waitForMapIdle(page)
    expect((await renderedPlan(page)).posts).toEqual([1, 2, 3])
    expect(new URL(page.url()).searchParams.get('layers')).toContain('plans')
    await screenshot(page, 'plans-3-layer-legend')
    expect(admin.externalRequests).toEqual([])
    expect(admin.pageErrors).toEqual([])
  })
})
