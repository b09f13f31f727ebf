import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addMonths } from '../../server/src/analysis/months.ts'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { clickAt, drawableSquare, mapReady } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

const DISTRICT = '500104'
const EDITOR = { username: 'zhang.editor', password: 'editor-password-2026' }
const ANALYST = { username: 'li.analyst', password: 'analyst-password-2026' }
/** Quotes, `;`, `$`, Chinese and an emoji, as every form must take them. */
const NAME = '九宫庙 "夜市" 噪声; $1 🚨'

interface AuditEntry { action: string, actor: string, entityId: string, before: any, after: any }

async function transition(page: Page, to: string, reason: string, newDeadline?: string) {
  await page.getByTestId(`listed-action-${to}`).click()
  await page.getByTestId('listed-transition-reason').fill(reason)
  if (newDeadline)
    await page.getByTestId('listed-transition-deadline').fill(newDeadline)
  await page.getByTestId('listed-transition-confirm').click()
  await page.locator(`[data-testid=listed-history-row][data-to=${to}]`).first().waitFor({ state: 'visible', timeout: 60_000 })
}

describeIfBrowser('listed hotspots (挂牌整治): place, edit, take to 销号 with evidence, audit', () => {
  let flow: E2eFlow
  let server: E2eServer
  let admin: OfflinePage
  let editor: OfflinePage
  let analyst: OfflinePage
  let hotspotId: number
  let listedOn: string
  let deadline: string
  let codes: string[]

  beforeAll(async () => {
    // Fewer demo events than the default: this flow needs incidents around the area, not volume.
    // A longer statement timeout: the demo seeding's rollup refresh must not fail on a busy machine.
    flow = await startFlow({ env: { RISKMAP_DEMO_EVENTS: '30000', RISKMAP_STATEMENT_TIMEOUT_MS: '120000' } })
    ;({ server, admin } = flow)
    editor = await flow.signedIn(EDITOR, 'editor')
    analyst = await flow.signedIn(ANALYST, 'analyst')

    // Listed four months before the last data month, so the evidence has months on both sides.
    const meta = await (await editor.context.request.get(`${server.url}/api/meta`)).json()
    const listedMonth = addMonths(meta.months.to, -4)
    listedOn = `${listedMonth}-10`
    deadline = `${addMonths(listedMonth, 1)}-28`
    expect(deadline < meta.currentMonth).toBe(true)
  })

  afterAll(() => flow?.close())

  it('draws a polygon by clicking on the map and opens the form', async () => {
    const { page } = editor
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}`)
    await mapReady(page)
    await page.getByTestId('listed-toggle').click()
    await page.getByTestId('listed-new-polygon').click()
    await page.waitForFunction(() => document.body.dataset.drawMode === 'polygon', undefined, { timeout: 30_000 })
    const selectedBefore = new URL(page.url()).searchParams.get('selected')

    const square = await drawableSquare(page, 40)
    for (const corner of square.corners)
      await clickAt(page, corner)
    await clickAt(page, square.corners[0]!)
    await page.getByTestId('listed-draw-status').waitFor({ state: 'visible', timeout: 10_000 })
    // The vertex clicks were the drawing's: no region was selected or drilled into underneath.
    expect(new URL(page.url()).searchParams.get('selected')).toBe(selectedBefore)
    expect(new URL(page.url()).searchParams.get('parent')).toBe(DISTRICT)
    await screenshot(page, 'listed-1-polygon-drawn')

    // Problem types: the sub-classes of the geolocated class with the most incidents in that township.
    const to = (await (await page.context().request.get(`${server.url}/api/meta`)).json()).months.to
    const summary = await (await page.context().request.get(`${server.url}/api/regions/${square.code}/summary?period=${addMonths(to, -23)}&to=${to}`)).json()
    const tree = (await (await page.context().request.get(`${server.url}/api/indicators`)).json()).tree
    const classes = tree.flatMap((c: any) => c.children ?? []).filter((k: any) => (k.children ?? []).some((s: any) => s.geolocated && !s.retired))
    const totals = new Map(summary.categories.flatMap((c: any) => c.classes).map((k: any) => [k.code, k.value ?? 0]))
    const top = classes.sort((a: any, b: any) => Number(totals.get(b.code) ?? 0) - Number(totals.get(a.code) ?? 0))[0]
    codes = top.children.filter((s: any) => s.geolocated && !s.retired).map((s: any) => s.code).slice(0, 6)
    expect(codes.length).toBeGreaterThan(0)
  })

  it('checks the deadline in the browser, then shows the server\'s refusal in its own words', async () => {
    const { page } = editor
    await page.getByTestId('listed-name').fill(NAME)
    for (const code of codes) {
      await page.getByTestId('listed-indicator-search').fill(code)
      await page.getByTestId(`listed-indicator-${code}`).check()
    }
    await page.getByTestId('listed-indicator-search').fill('')
    await page.getByTestId('listed-unit').fill('大渡口区公安分局 九宫庙派出所')
    await page.getByTestId('listed-listed-on').fill(listedOn)
    await page.getByTestId('listed-measures').fill('夜间巡逻加密；增设监控 2 处')
    await page.getByTestId('listed-attachment-add').click()
    await page.getByTestId('listed-attachment-title-0').fill('整治方案')
    await page.getByTestId('listed-attachment-url-0').fill('https://example.org/plan.pdf?v=1&x=$2')

    // Before the listing date: the form says so and sends nothing.
    const posts: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/listed-hotspots'))
        posts.push(r.url())
    })
    await page.getByTestId('listed-deadline').fill(`${listedOn.slice(0, 8)}01`)
    await page.getByTestId('listed-save').click()
    await page.getByTestId('listed-invalid-deadline').waitFor({ state: 'visible' })
    expect(await page.getByTestId('listed-invalid-deadline').textContent()).toContain(listedOn)
    expect(posts).toEqual([])

    // Past 2100: only the server knows that bound; its message is shown as it is.
    await page.getByTestId('listed-deadline').fill('2101-01-31')
    await page.getByTestId('listed-save').click()
    await page.getByTestId('listed-form-error').waitFor({ state: 'visible', timeout: 30_000 })
    expect(posts).toHaveLength(1)
    expect(await page.getByTestId('listed-form-error').textContent()).toMatch(/deadline: .*between 1970 and 2100/)
    await screenshot(page, 'listed-2-server-refuses-deadline')
  })

  it('saves it, shows it in the list and on the map, status-coloured and flagged overdue', async () => {
    const { page } = editor
    await page.getByTestId('listed-deadline').fill(deadline)
    const created = page.waitForResponse(r => r.request().method() === 'POST' && r.url().endsWith('/api/listed-hotspots'))
    await page.getByTestId('listed-save').click()
    const res = await created
    expect(res.status()).toBe(201)
    hotspotId = (await res.json()).hotspot.id
    await page.getByTestId('listed-detail').waitFor({ state: 'visible' })
    expect(await page.getByTestId('listed-detail-name').textContent()).toContain(NAME)
    expect(await page.getByTestId('listed-overdue').isVisible()).toBe(true)

    await page.waitForFunction((id) => {
      const map = (window as RiskmapWindow).__riskmap!.map
      const ids = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).map(f => Number(f.properties.id))
      return ids('listed-fill').includes(id) && ids('listed-overdue-outline').includes(id)
    }, hotspotId, { timeout: 30_000 })
    await waitForMapIdle(page)
    expect(await page.getByTestId('listed-legend').isVisible()).toBe(true)
    await screenshot(page, 'listed-3-created-overdue')

    await page.getByTestId('listed-back').click()
    await page.getByTestId('listed-filter-overdue').selectOption('true')
    await page.getByTestId(`listed-open-${hotspotId}`).waitFor({ state: 'visible' })
    await page.getByTestId('listed-filter-overdue').selectOption('false')
    await page.getByTestId('listed-count').filter({ hasText: '共 0 处' }).waitFor()
    expect(await page.getByTestId(`listed-open-${hotspotId}`).count()).toBe(0)
    await page.getByTestId('listed-filter-overdue').selectOption('')
    await page.getByTestId(`listed-open-${hotspotId}`).click()
    await page.getByTestId('listed-detail').waitFor({ state: 'visible' })
  })

  it('edits it', async () => {
    const { page } = editor
    await page.getByTestId('listed-edit').click()
    await page.getByTestId('listed-unit').fill('大渡口区公安分局 治安大队')
    await page.getByTestId('listed-measures').fill('夜间巡逻加密；增设监控 4 处；商户联防')
    await page.getByTestId('listed-save').click()
    await page.getByTestId('listed-field-unit').filter({ hasText: '治安大队' }).waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('listed-field-measures').textContent()).toContain('商户联防')
    await screenshot(page, 'listed-4-edited')
  })

  it('is read-only for an analyst, who can still export the filtered list', async () => {
    const { page } = analyst
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}`)
    await waitForMapIdle(page)
    await page.getByTestId('listed-toggle').click()
    await page.getByTestId(`listed-open-${hotspotId}`).click()
    await page.getByTestId('listed-read-only').waitFor({ state: 'visible' })
    expect(await page.getByTestId('listed-edit').count()).toBe(0)
    expect(await page.getByTestId('listed-lifecycle').count()).toBe(0)
    expect(await page.getByTestId('listed-new-polygon').count()).toBe(0)

    await page.getByTestId('listed-back').click()
    await page.getByTestId('listed-filter-unit').fill('治安大队')
    await page.getByTestId('listed-filter-apply').click()
    await page.getByTestId('listed-count').filter({ hasText: '共 1 处' }).waitFor()
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('listed-export-csv').click()])
    expect(csv.suggestedFilename()).toMatch(/\.csv$/)
    const text = readFileSync((await csv.path())!, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xFEFF)
    const rows = parse(text, { bom: true }) as string[][]
    expect(rows).toHaveLength(2)
    expect(rows[1]).toContain(NAME)
    expect(rows[1]!.some(cell => cell.includes('治安大队'))).toBe(true)
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('listed-export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('goes listed → rectifying → extended → awaiting acceptance, with a reason for each step', async () => {
    const { page } = editor
    expect(await page.getByTestId('listed-action-delisted').count()).toBe(0)
    await transition(page, 'rectifying', '已制定整治方案，开始整改')
    // Extending: a date not after the current deadline is refused in the browser first.
    await page.getByTestId('listed-action-extended').click()
    await page.getByTestId('listed-transition-reason').fill('商户搬迁需要时间')
    await page.getByTestId('listed-transition-deadline').fill(deadline)
    await page.getByTestId('listed-transition-confirm').click()
    await page.getByTestId('listed-invalid-new-deadline').waitFor({ state: 'visible' })
    await page.getByTestId('listed-transition-deadline').fill('2099-12-31')
    await page.getByTestId('listed-transition-confirm').click()
    await page.locator('[data-testid=listed-history-row][data-to=extended]').waitFor({ state: 'visible', timeout: 60_000 })
    await page.getByTestId('listed-field-deadline').filter({ hasText: '2099-12-31' }).waitFor()
    expect(await page.getByTestId('listed-overdue').count()).toBe(0)
    await transition(page, 'awaiting_acceptance', '整改完成，申请验收')
  })

  it('shows the closure evidence before offering 销号, then delists', async () => {
    const { page } = editor
    await page.getByTestId('listed-evidence-facts').waitFor({ state: 'visible', timeout: 120_000 })
    await page.getByTestId('listed-evidence-chart').locator('canvas').waitFor({ state: 'visible' })
    expect(await page.getByTestId('listed-action-delisted').isEnabled()).toBe(true)
    expect(await page.getByTestId('listed-evidence-trend').textContent()).toMatch(/z = /)
    expect(['true', 'false', 'unavailable']).toContain(await page.getByTestId('listed-evidence-gistar').getAttribute('data-still-hot'))
    expect(['true', 'false']).toContain(await page.getByTestId('listed-evidence-displacement').getAttribute('data-displaced'))
    await page.getByTestId('listed-evidence').scrollIntoViewIfNeeded()
    await screenshot(page, 'listed-5-evidence-before-delisting')

    await transition(page, 'delisted', '验收合格，同意销号')
    expect(await page.getByTestId('listed-status').first().textContent()).toBe('已销号')
    expect(await page.getByTestId('listed-lifecycle').count()).toBe(0)
    expect(await page.getByTestId('listed-edit').count()).toBe(0)
    // What the decision was taken on stays with the item: the evidence stored with the 销号 step.
    await page.getByTestId('listed-evidence-stored').waitFor({ state: 'visible' })
    await waitForMapIdle(page)
    await screenshot(page, 'listed-6-delisted')
  })

  it('records every step in the audit log, with who, the reason and the states', async () => {
    const res = await admin.context.request.get(`${server.url}/api/admin/audit?entity=listed_hotspot&limit=50`)
    expect(res.status()).toBe(200)
    const entries = ((await res.json()).entries as AuditEntry[]).filter(e => e.entityId === String(hotspotId)).reverse()
    expect(entries.map(e => e.action)).toEqual([
      'listed_hotspot.create',
      'listed_hotspot.update',
      ...Array.from({ length: 4 }, () => 'listed_hotspot.transition'),
    ])
    expect(entries.every(e => e.actor.includes(EDITOR.username))).toBe(true)
    const steps = entries.slice(2).map(e => [e.before.status, e.after.status, e.after.transition.reason])
    expect(steps).toEqual([
      ['listed', 'rectifying', '已制定整治方案，开始整改'],
      ['rectifying', 'extended', '商户搬迁需要时间'],
      ['extended', 'awaiting_acceptance', '整改完成，申请验收'],
      ['awaiting_acceptance', 'delisted', '验收合格，同意销号'],
    ])
    expect(entries[1]!.after.responsibleUnit).toContain('治安大队')
    expect(entries.at(-1)!.after.transition.evidence).toBeTruthy()

    const { page } = admin
    await page.goto(`${server.url}/admin/audit?entity=listed_hotspot`)
    await page.getByTestId('audit-row').first().waitFor({ state: 'visible', timeout: 30_000 })
    const table = await page.getByTestId('audit-table').textContent()
    expect(table).toContain('listed_hotspot.transition')
    expect(table).toContain('listed_hotspot.create')
    await screenshot(page, 'listed-7-audit')
  })

  it('never reached beyond this machine and threw no page errors', () => {
    expect([...admin.externalRequests, ...editor.externalRequests, ...analyst.externalRequests]).toEqual([])
    expect([...admin.pageErrors, ...editor.pageErrors, ...analyst.pageErrors]).toEqual([])
  })
})
