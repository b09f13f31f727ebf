import type { OfflinePage } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addMonths } from '../../server/src/analysis/months.ts'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { mapReady, openPanel } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

const DISTRICT = '500104'
const SURGE = { region: '500104004000', indicator: 'B2-01' } // 茄子溪街道, geodata/demo/README.md "Planted signals"
const EDITOR = { username: 'wang.editor', password: 'editor-password-2026' }
const NOTE = '已核查：征地补偿纠纷集中信访，已约谈街道并化解 "测试" $1'

const item = (page: Page, region: string, indicator: string) => page.locator(`[data-testid=warning-item][data-region="${region}"][data-indicator="${indicator}"]`)

describeIfBrowser('early warnings (预警): the planted surge, its evidence, close with a note, live refresh', () => {
  let flow: E2eFlow
  let server: E2eServer
  let editor: OfflinePage
  let lastMonth: string

  beforeAll(async () => {
    flow = await startFlow()
    server = flow.server
    editor = await flow.signedIn(EDITOR, 'editor')
    lastMonth = (await (await editor.context.request.get(`${server.url}/api/meta`)).json()).months.to
  })

  afterAll(() => flow?.close())

  it('the panel lists the planted surge with its evidence; a click frames its township', async () => {
    const { page } = editor
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}`)
    await mapReady(page)
    await openPanel(page, 'warnings')
    const surge = item(page, SURGE.region, SURGE.indicator)
    await surge.waitFor({ state: 'visible', timeout: 60_000 })
    await expect(surge.getAttribute('data-status')).resolves.toBe('open')
    await expect(surge.getByTestId('warning-severity').textContent()).resolves.toBe('预警')
    const text = await surge.textContent()
    expect(text).toContain('茄子溪街道')
    expect(text).toContain('征地拆迁信访')
    expect(text).toContain(lastMonth)
    // The evidence: the counts, and a z at or above the rule's 3.
    const api = await (await page.context().request.get(`${server.url}/api/warnings?status=open&region=${SURGE.region}`)).json()
    const w = api.warnings.find((x: any) => x.indicator === SURGE.indicator && x.rule === 'mom_significant')
    expect(w.evidence.z).toBeGreaterThanOrEqual(3)
    expect(w.evidence.current + w.evidence.previous).toBeGreaterThanOrEqual(6)
    const evidence = surge.getByTestId('warning-evidence')
    await expect(evidence.locator('[data-key=current] dd').textContent()).resolves.toBe(String(w.evidence.current))
    await expect(evidence.locator('[data-key=previous] dd').textContent()).resolves.toBe(String(w.evidence.previous))
    await expect(evidence.locator('[data-key=z] dd').textContent()).resolves.toBe(w.evidence.z.toFixed(2))
    // No MoM warning on screen rests on fewer than 6 events.
    const all = (await (await page.context().request.get(`${server.url}/api/warnings?limit=1000`)).json()).warnings
    for (const x of all.filter((x: any) => x.rule === 'mom_significant'))
      expect(x.evidence.current + x.evidence.previous).toBeGreaterThanOrEqual(6)

    await surge.getByTestId('warning-region').click()
    await page.waitForFunction(code => new URL(location.href).searchParams.get('selected') === code, SURGE.region, { timeout: 10_000 })
    await mapReady(page)
    await screenshot(page, 'warnings-1-surge')
  })

  it('closing needs a note; once closed it moves to the closed list', async () => {
    const { page } = editor
    const surge = item(page, SURGE.region, SURGE.indicator)
    await expect(surge.getByTestId('warning-close').isDisabled()).resolves.toBe(true)
    await surge.getByTestId('warning-note').fill(NOTE)
    await surge.getByTestId('warning-close').click()
    await surge.waitFor({ state: 'detached', timeout: 30_000 })
    await page.getByTestId('warnings-filter-status').selectOption('closed')
    const closed = item(page, SURGE.region, SURGE.indicator)
    await closed.waitFor({ state: 'visible', timeout: 30_000 })
    await expect(closed.getAttribute('data-status')).resolves.toBe('closed')
    await expect(closed.getByTestId('warning-close-note').textContent()).resolves.toContain(NOTE)
    await screenshot(page, 'warnings-2-closed')
    const audit = await (await flow.admin.context.request.get(`${server.url}/api/admin/audit?action=warning.close`)).json()
    expect(JSON.stringify(audit)).toContain(NOTE.slice(0, 10))
  })

  it('a new warning arrives over the live stream and the open list refreshes by itself', async () => {
    const { page } = editor
    await page.getByTestId('warnings-filter-status').selectOption('open')
    await page.waitForFunction(() => document.querySelector('[data-testid=warnings-panel]')?.getAttribute('data-stream') === 'live', undefined, { timeout: 30_000 })
    // Another township of the district: 1 → 40 petitions month on month (z = 2(√40 − 1) ≈ 10.6).
    const regions = (await (await page.context().request.get(`${server.url}/api/regions?level=township&parent=${DISTRICT}`)).json()).features.map((f: any) => f.properties.code)
    const other = regions.find((c: string) => c !== SURGE.region)!
    const csv = `region,indicator,month,value\n${other},B2-05,${addMonths(lastMonth, -1)},1\n${other},B2-05,${lastMonth},40\n`
    const res = await flow.admin.context.request.post(`${server.url}/api/import/values?source=e2e-warnings`, { data: csv, headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': flow.csrf } })
    expect(res.status(), await res.text()).toBe(201)
    await item(page, other, 'B2-05').waitFor({ state: 'visible', timeout: 30_000 })
    await screenshot(page, 'warnings-3-live')
  })

  it('the stage escalation tab ranks townships and draws the trend of a clicked one', async () => {
    const { page } = editor
    await page.getByTestId('warnings-tab-escalation').click()
    const rows = page.getByTestId('escalation-row')
    await rows.first().waitFor({ state: 'visible', timeout: 30_000 })
    expect(await rows.count()).toBeGreaterThan(3)
    await rows.first().click()
    await page.getByTestId('escalation-chart').locator('canvas').first().waitFor({ state: 'visible', timeout: 10_000 })
    await screenshot(page, 'warnings-4-escalation')
  })

  it('admins see and edit the rules; editors do not see the rules tab', async () => {
    expect(await editor.page.getByTestId('warnings-tab-rules').count()).toBe(0)
    const { page } = flow.admin
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}`)
    await mapReady(page)
    await openPanel(page, 'warnings')
    await page.getByTestId('warnings-tab-rules').click()
    const rule = page.locator('[data-testid=warning-rule][data-kind=mom_significant]').first()
    await rule.waitFor({ state: 'visible', timeout: 30_000 })
    const id = (await (await page.context().request.get(`${server.url}/api/warning-rules`)).json()).rules.find((r: any) => r.kind === 'mom_significant').id
    await page.getByTestId(`rule-${id}-minZ`).fill('3.5')
    await page.getByTestId(`rule-${id}-save`).click()
    await page.getByTestId(`rule-${id}-saved`).waitFor({ state: 'visible', timeout: 15_000 })
    await page.waitForFunction(async (ruleId) => {
      const r = await (await fetch('/api/warning-rules')).json()
      return r.rules.find((x: any) => x.id === ruleId)?.params.minZ === 3.5
    }, id, { timeout: 15_000 })
    await screenshot(page, 'warnings-5-rules')
  })

  it('an admin creates a zero-target rule in the form (a refusal shown beside it), sees it listed and deletes it', async () => {
    const { page } = flow.admin
    const NAME = '测试零目标 "e2e" $1'
    await page.getByTestId('rule-new').click()
    const form = page.getByTestId('rule-create')
    await form.waitFor({ state: 'visible', timeout: 10_000 })
    // The significance kinds show their defaults; the zero target has no parameters.
    await page.getByTestId('rule-create-kind').selectOption('mom_significant')
    await expect(page.getByTestId('rule-create-minZ').inputValue()).resolves.toBe('3')
    await expect(page.getByTestId('rule-create-minTotal').inputValue()).resolves.toBe('6')
    await page.getByTestId('rule-create-kind').selectOption('zero_target')
    expect(await page.getByTestId('rule-create-minZ').count()).toBe(0)
    // No indicator: the server's 400 message appears next to the form and nothing is written.
    await page.getByTestId('rule-create-name').fill(NAME)
    await page.getByTestId('rule-create-submit').click()
    await expect(page.getByTestId('rule-create-error').textContent({ timeout: 15_000 })).resolves.toMatch(/indicator/)
    const rulesNow = async () => (await (await page.context().request.get(`${server.url}/api/warning-rules`)).json()).rules as any[]
    expect((await rulesNow()).some(r => r.name === NAME)).toBe(false)

    await page.getByTestId('rule-create-indicator').selectOption('C2-01')
    await page.getByTestId('rule-create-severity').selectOption('notice')
    await screenshot(page, 'warnings-6-new-rule')
    await page.getByTestId('rule-create-submit').click()
    await form.waitFor({ state: 'detached', timeout: 15_000 })
    const made = (await rulesNow()).find(r => r.name === NAME)
    expect(made).toMatchObject({ kind: 'zero_target', indicator: 'C2-01', severity: 'notice', level: 'township', version: 1, synthetic: false })
    const listed = page.locator(`[data-testid=warning-rule][data-id="${made.id}"]`)
    await listed.waitFor({ state: 'visible', timeout: 15_000 })
    await expect(listed.textContent()).resolves.toContain(NAME)

    await page.getByTestId(`rule-${made.id}-delete`).click()
    await page.getByTestId(`rule-${made.id}-confirm`).waitFor({ state: 'visible' })
    await screenshot(page, 'warnings-7-delete-confirm')
    await page.getByTestId(`rule-${made.id}-confirm-delete`).click()
    await listed.waitFor({ state: 'detached', timeout: 15_000 })
    expect((await rulesNow()).some(r => r.id === made.id)).toBe(false)
    const audit = await (await page.context().request.get(`${server.url}/api/admin/audit?action=warning_rule.delete`)).json()
    expect(audit.entries.map((e: any) => e.entityId)).toContain(String(made.id))
  })
})
