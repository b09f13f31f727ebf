import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { clickAt, drawableSquare, mapReady, openPanel } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

/** 大渡口区 (Chongqing), with its townships on the map. */
const DISTRICT = '500104'
/** Quotes, `;`, `$`, Chinese and an emoji, as every form must take them. */
const REASON = '连续三个月警情居全区前列 "夜市" 噪声; $1 🚨'
const NOTE = '第一周：联合执法2次，整改商户11家'
const CLOSE_REASON = '区委政法委专题会议决定销号（演示）'
const PLAN_BY_OTHER = '他人修改：增加夜间巡逻（演示）'
const NEW_DEADLINE = '2099-09-30'

/** The listing ids drawn by a layer of the map, as rendered now. */
async function renderedIds(page: Page, layer: string): Promise<number[]> {
  return page.evaluate((layer) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    if (!map.getLayer(layer))
      return []
    return [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map(f => Number(f.properties.id)))]
  }, layer)
}

describeIfBrowser('supervision listing (挂牌督办): pick a township on the map, note, close by an admin\'s reason', () => {
  let flow: E2eFlow
  let server: E2eServer
  let admin: OfflinePage
  let township: string
  let listingId: number
  let overdueId: number

  beforeAll(async () => {
    flow = await startFlow()
    ;({ server, admin } = flow)
    // An overdue listing of the whole district (listed and due in the past), planted through the API:
    // the map shows it hatched for a summons (约谈) next to the one listed through the UI.
    const res = await admin.context.request.post(`${server.url}/api/supervision`, {
      headers: { 'X-CSRF-Token': flow.csrf },
      data: { region: DISTRICT, reason: '信访量持续上升（演示）', unit: '大渡口区信访办', plan: '', listedOn: '2025-01-06', deadline: '2025-03-31', indicator: 'B2', thresholdKind: 'per10k', threshold: 1, monthsRequired: 3 },
    })
    expect(res.status(), await res.text()).toBe(201)
    overdueId = (await res.json()).listing.id
  })

  afterAll(() => flow?.close())

  it('lists a township by clicking it on the map', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}`)
    await mapReady(page)
    await openPanel(page, 'supervision')
    await page.getByTestId('supervision-new').click()
    await page.getByTestId('supervision-picking').waitFor({ state: 'visible' })
    const selectedBefore = new URL(page.url()).searchParams.get('selected')

    // A point well inside one township, on the map canvas and under no panel.
    const square = await drawableSquare(page, 12)
    township = square.code
    const centre = { x: (square.corners[0]!.x + square.corners[2]!.x) / 2, y: (square.corners[0]!.y + square.corners[2]!.y) / 2 }
    await clickAt(page, centre)
    await page.getByTestId('supervision-region-name').waitFor({ state: 'visible' })
    expect(await page.getByTestId('supervision-region-name').textContent()).toContain(township)
    expect(await page.getByTestId('supervision-region-select').inputValue()).toBe(township)
    // The click picked the region: it was not also selected or drilled into.
    expect(new URL(page.url()).searchParams.get('selected')).toBe(selectedBefore)
    expect(new URL(page.url()).searchParams.get('parent')).toBe(DISTRICT)

    await page.getByTestId('supervision-reason').fill(REASON)
    await page.getByTestId('supervision-unit').fill('九宫庙街道办事处')
    await page.getByTestId('supervision-plan').fill('每周联合执法；夜间 22 点后禁止外摆')
    await page.getByTestId('supervision-deadline').fill('2099-06-30')
    await page.getByTestId('supervision-indicator').selectOption('A2')
    await page.getByTestId('supervision-threshold').fill('20')
    await page.getByTestId('supervision-months').fill('3')
    await screenshot(page, 'supervision-1-form')
    await page.getByTestId('supervision-save').click()
    await page.getByTestId('supervision-detail').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.getByTestId('supervision-detail').textContent()).toContain(REASON)

    const listings = await (await page.context().request.get(`${server.url}/api/supervision?region=${township}`)).json()
    expect(listings.listings).toHaveLength(1)
    listingId = listings.listings[0].id
    expect(listings.listings[0]).toMatchObject({ region: township, reason: REASON, status: 'listed', indicator: 'A2', threshold: 20, overdue: false, summons: false })

    // On the map: the township outlined, the overdue district hatched.
    await page.waitForFunction(id => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['supervision-outline'] }).some(f => Number(f.properties.id) === id), listingId, { timeout: 30_000 })
    await waitForMapIdle(page)
    expect(await renderedIds(page, 'supervision-outline')).toEqual(expect.arrayContaining([listingId, overdueId]))
    expect(await renderedIds(page, 'supervision-hatch')).toEqual([overdueId])
    await screenshot(page, 'supervision-2-listed-on-map')
  })

  it('shows the overdue listing with its summons badge in the list', async () => {
    const { page } = admin
    await page.getByTestId('supervision-back').click()
    await page.getByTestId('supervision-list').waitFor({ state: 'visible' })
    const overdueRow = page.locator('[data-testid=supervision-row]', { has: page.getByTestId(`supervision-open-${overdueId}`) })
    await expect(overdueRow.getByTestId('supervision-badge-summons').isVisible()).resolves.toBe(true)
    const mine = page.locator('[data-testid=supervision-row]', { has: page.getByTestId(`supervision-open-${listingId}`) })
    await expect(mine.getByTestId('supervision-badge-listed').isVisible()).resolves.toBe(true)
    await screenshot(page, 'supervision-3-list')
  })

  it('edits the deadline (编辑): a stale save asks for a reload, then the new deadline shows in the detail', async () => {
    const { page } = admin
    await page.getByTestId(`supervision-open-${listingId}`).click()
    await page.getByTestId('supervision-detail').waitFor({ state: 'visible' })
    await page.getByTestId('supervision-edit').click()
    await page.locator('[data-testid=supervision-form][data-mode=edit]').waitFor({ state: 'visible' })
    expect(await page.getByTestId('supervision-deadline').inputValue()).toBe('2099-06-30')
    expect(await page.getByTestId('supervision-region-select').count()).toBe(0)

    // Someone else changes the plan meanwhile: the save is refused and asks for a reload.
    const current = (await (await page.context().request.get(`${server.url}/api/supervision/${listingId}`)).json()).listing
    const other = await admin.context.request.patch(`${server.url}/api/supervision/${listingId}`, {
      headers: { 'X-CSRF-Token': flow.csrf },
      data: { plan: PLAN_BY_OTHER, version: current.version },
    })
    expect(other.status(), await other.text()).toBe(200)
    await page.getByTestId('supervision-deadline').fill(NEW_DEADLINE)
    await page.getByTestId('supervision-save').click()
    await page.getByTestId('supervision-form-conflict').waitFor({ state: 'visible', timeout: 30_000 })
    await screenshot(page, 'supervision-3b-edit-conflict')
    await page.getByTestId('supervision-reload').click()
    await page.waitForFunction(plan => (document.querySelector('[data-testid=supervision-plan]') as HTMLTextAreaElement | null)?.value === plan, PLAN_BY_OTHER, { timeout: 30_000 })
    expect(await page.getByTestId('supervision-form-conflict').count()).toBe(0)

    // A deadline before the listing date: the server's 400 shows next to the form.
    await page.getByTestId('supervision-deadline').fill('2000-01-01')
    await page.getByTestId('supervision-save').click()
    await page.getByTestId('supervision-form-error').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.getByTestId('supervision-form-error').textContent()).toContain('deadline')

    await page.getByTestId('supervision-deadline').fill(NEW_DEADLINE)
    await screenshot(page, 'supervision-3c-edit-form')
    await page.getByTestId('supervision-save').click()
    await page.getByTestId('supervision-detail').waitFor({ state: 'visible', timeout: 30_000 })
    await page.locator('[data-testid=supervision-detail] dd', { hasText: NEW_DEADLINE }).waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.getByTestId('supervision-detail').textContent()).toContain(PLAN_BY_OTHER)
    await screenshot(page, 'supervision-3d-edited')

    const after = (await (await page.context().request.get(`${server.url}/api/supervision/${listingId}`)).json()).listing
    expect(after).toMatchObject({ deadline: NEW_DEADLINE, plan: PLAN_BY_OTHER, version: current.version + 2, region: township, reason: REASON })
    await page.getByTestId('supervision-back').click()
    await page.getByTestId('supervision-list').waitFor({ state: 'visible' })
  })

  it('adds a progress note and closes the listing with an admin\'s reason; the outline goes', async () => {
    const { page } = admin
    await page.getByTestId(`supervision-open-${listingId}`).click()
    await page.getByTestId('supervision-detail').waitFor({ state: 'visible' })
    await page.getByTestId('supervision-note-text').fill(NOTE)
    await page.getByTestId('supervision-note-add').click()
    await page.locator('[data-testid=supervision-note]', { hasText: NOTE }).waitFor({ state: 'visible', timeout: 30_000 })

    await page.getByTestId('supervision-close-reason').fill(CLOSE_REASON)
    await screenshot(page, 'supervision-4-note-and-close-form')
    await page.getByTestId('supervision-close-reason-submit').click()
    await page.getByTestId('supervision-closed').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await page.getByTestId('supervision-closed').textContent()).toContain(CLOSE_REASON)
    await page.getByTestId('supervision-badge-closed').waitFor({ state: 'visible' })

    await page.waitForFunction(id => !(window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['supervision-outline'] }).some(f => Number(f.properties.id) === id), listingId, { timeout: 30_000 })
    await waitForMapIdle(page)
    expect(await renderedIds(page, 'supervision-outline')).toEqual([overdueId])
    await screenshot(page, 'supervision-5-closed')

    const detail = await (await page.context().request.get(`${server.url}/api/supervision/${listingId}`)).json()
    expect(detail.listing).toMatchObject({ status: 'closed', closure: { kind: 'admin_reason', detail: CLOSE_REASON }, noteCount: 1, latestNote: NOTE })
    const audit = await (await page.context().request.get(`${server.url}/api/admin/audit?entity=supervision_listing&limit=50`)).json()
    const actions = audit.entries.filter((e: any) => e.entityId === String(listingId)).map((e: any) => e.action).sort()
    expect(actions).toEqual(['supervision.close', 'supervision.create', 'supervision.note', 'supervision.update', 'supervision.update'])
  })

  it('the layer switch lives in the URL and shows the legend with the panel closed', async () => {
    const { page } = admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}&layers=choropleth,supervision`)
    await mapReady(page)
    await page.getByTestId('supervision-legend').waitFor({ state: 'visible' })
    expect(await page.getByTestId('layer-supervision').isChecked()).toBe(true)
    await page.waitForFunction(id => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['supervision-hatch'] }).some(f => Number(f.properties.id) === id), overdueId, { timeout: 30_000 })
    await screenshot(page, 'supervision-6-layer-from-url')
    await page.getByTestId('layer-supervision').uncheck()
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('layers')?.includes('supervision'))
    await waitForMapIdle(page)
    expect(await renderedIds(page, 'supervision-outline')).toEqual([])
  })
})
