import type { OfflinePage, RiskmapWindow } from '../helpers/e2e-browser.ts'
import type { E2eFlow } from '../helpers/e2e-flow.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { readFileSync } from 'node:fs'
import { pointOnFeature } from '@turf/turf'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { screenshot, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { startFlow } from '../helpers/e2e-flow.ts'
import { waitForRegions } from '../helpers/e2e-map.ts'

type Page = OfflinePage['page']

const DISTRICT = '500104'

/** A page point inside a rendered region not in `skip` and not under a panel (largest first). */
async function clickableRegion(page: Page, skip: string[]): Promise<{ code: string, x: number, y: number }> {
  const regions = await page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['regions-fill'] }).map(f => ({ code: String(f.properties.code), geometry: f.geometry })))
  const candidates = regions.filter(r => !skip.includes(r.code)).map(r => ({
    code: r.code,
    lngLat: pointOnFeature({ type: 'Feature', properties: {}, geometry: r.geometry } as never).geometry.coordinates as [number, number],
  }))
  const hit = await page.evaluate((candidates) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const canvas = map.getCanvas()
    const box = canvas.getBoundingClientRect()
    for (const c of candidates) {
      const p = map.project(c.lngLat)
      if (document.elementFromPoint(box.left + p.x, box.top + p.y) !== canvas)
        continue
      if (String(map.queryRenderedFeatures([p.x, p.y], { layers: ['regions-fill'] })[0]?.properties.code) === c.code)
        return { code: c.code, x: box.left + p.x, y: box.top + p.y }
    }
    return null
  }, candidates)
  if (!hit)
    throw new Error('no region is reachable by a click')
  return hit
}

const chipCodes = (page: Page) => page.locator('[data-testid=compare-chip]').evaluateAll(els => els.map(e => e.getAttribute('data-code')))
const trayInUrl = (page: Page) => new URL(page.url()).searchParams.get('tray')
const headerCodes = (page: Page) => page.locator('[data-testid=compare-table] th.region').evaluateAll(els => els.map(e => e.getAttribute('data-code')))

async function waitForTable(page: Page, codes: string[]) {
  await page.waitForFunction(codes => JSON.stringify([...document.querySelectorAll('[data-testid=compare-table] th.region')].map(e => e.getAttribute('data-code'))) === JSON.stringify(codes), codes, { timeout: 60_000 })
}

describeIfBrowser('regional comparison by clicking on the map', () => {
  let flow: E2eFlow
  let server: E2eServer
  let session: OfflinePage
  let picked: string[] = []
  let month: string

  beforeAll(async () => {
    flow = await startFlow({ viewport: { width: 1600, height: 1000 } })
    ;({ server, admin: session } = flow)
  })

  afterAll(() => flow?.close())

  it('adds three townships to the tray by clicking on the map in compare mode', async () => {
    const { page } = session
    await page.goto(`${server.url}/?level=township&parent=${DISTRICT}`)
    await waitForRegions(page, 60_000, 3)
    await waitForMapIdle(page)
    await screenshot(page, 'compare-tray-empty')
    await page.getByTestId('compare-mode').click()
    for (let i = 0; i < 3; i++) {
      const hit = await clickableRegion(page, picked)
      await page.mouse.click(hit.x, hit.y)
      picked.push(hit.code)
      await page.waitForFunction(n => document.querySelectorAll('[data-testid=compare-chip]').length === n, i + 1)
      await waitForMapIdle(page)
      if (i === 0)
        await screenshot(page, 'compare-tray-one')
    }
    expect(await chipCodes(page)).toEqual(picked)
    expect(trayInUrl(page)).toBe(picked.join(','))
    // Compare mode adds instead of selecting: no region panel opened.
    expect(await page.getByTestId('region-panel').count()).toBe(0)
    await waitForTable(page, picked)
    const q = new URL(page.url()).searchParams
    month = q.get('to') ?? q.get('period')!
    expect(month).toMatch(/^\d{4}-\d{2}$/)
    // Each compared township is outlined on the map in its tray colour.
    await waitForMapIdle(page)
    const outlined = await page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['compare-outline'] }).map(f => [String(f.properties.code), String(f.properties.color)]))
    expect(new Set(outlined.map(([code]) => code))).toEqual(new Set(picked))
    expect(new Set(outlined.map(([, color]) => color)).size).toBe(3)
    await screenshot(page, 'compare-bar')
  })

  it('the table equals /api/choropleth for the same month: values, per 10k and MoM/YoY change', async () => {
    const { page } = session
    const indicators = await page.locator('[data-testid=compare-table] tbody tr').evaluateAll(rows => rows.map(r => r.getAttribute('data-indicator')!))
    expect(indicators).toHaveLength(15)
    const table = await page.locator('[data-testid=compare-table] tbody tr').evaluateAll(rows => rows.map(r => ({
      indicator: r.getAttribute('data-indicator')!,
      cells: [...r.querySelectorAll('td.value')].map((td) => {
        const per10k = td.nextElementSibling as HTMLElement
        const mom = per10k.nextElementSibling as HTMLElement
        const yoy = mom.nextElementSibling as HTMLElement
        return { code: td.getAttribute('data-code'), value: Number(td.getAttribute('data-value')), text: td.textContent!.trim(), per10k: per10k.dataset.per10k, mom: mom.dataset.change, yoy: yoy.dataset.change }
      }),
    })))
    let nonzero = 0
    for (const row of table) {
      const get = async (extra: string) => {
        const res = await page.context().request.get(`${server.url}/api/choropleth?level=township&parent=${DISTRICT}&indicator=${row.indicator}&period=${month}${extra}`)
        expect(res.status()).toBe(200)
        return new Map<string, any>((await res.json()).regions.map((r: any) => [r.code, r]))
      }
      const [plain, rate, mom, yoy] = [await get(''), await get('&normalize=per10k'), await get('&compare=mom'), await get('&compare=yoy')]
      expect(row.cells.map(c => c.code)).toEqual(picked)
      for (const cell of row.cells) {
        expect(cell.value, `${cell.code} ${row.indicator}`).toBe(plain.get(cell.code!).value)
        expect(Number(cell.text.replaceAll(',', ''))).toBe(cell.value)
        expect(Number(cell.per10k)).toBeCloseTo(rate.get(cell.code!).value, 9)
        expect(cell.mom === '' ? null : Number(cell.mom)).toBe(mom.get(cell.code!).change)
        expect(cell.yoy === '' ? null : Number(cell.yoy)).toBe(yoy.get(cell.code!).change)
        if (cell.value > 0)
          nonzero++
      }
    }
    expect(nonzero).toBeGreaterThan(10)
  })

  it('shows radar and 24-month trend charts', async () => {
    const { page } = session
    await page.getByTestId('compare-tab-radar').click()
    await page.getByTestId('compare-chart-radar').locator('canvas').waitFor()
    await page.waitForTimeout(300)
    await screenshot(page, 'compare-radar')
    await page.getByTestId('compare-tab-trend').click()
    await page.getByTestId('compare-chart-trend').locator('canvas').waitFor()
    await page.waitForTimeout(300)
    await screenshot(page, 'compare-trend')
  })

  it('reorders and removes regions with the tray buttons; the URL follows', async () => {
    const { page } = session
    const [a, b, c] = picked
    await page.locator(`[data-testid=compare-chip][data-code="${a}"] [data-testid=compare-later]`).click()
    expect(await chipCodes(page)).toEqual([b, a, c])
    await page.waitForFunction(t => new URL(location.href).searchParams.get('tray') === t, [b, a, c].join(','))
    await waitForTable(page, [b!, a!, c!])
    await page.locator(`[data-testid=compare-chip][data-code="${c}"] [data-testid=compare-earlier]`).click()
    expect(await chipCodes(page)).toEqual([b, c, a])
    await page.locator(`[data-testid=compare-chip][data-code="${b}"] [data-testid=compare-remove]`).click()
    picked = [c!, a!]
    expect(await chipCodes(page)).toEqual(picked)
    await page.waitForFunction(t => new URL(location.href).searchParams.get('tray') === t, picked.join(','))
    await waitForTable(page, picked)
    expect(await headerCodes(page)).toEqual(picked)
  })

  it('a reload restores the tray and the comparison from the URL', async () => {
    const { page } = session
    await page.reload()
    await page.locator('[data-testid=compare-chip]').first().waitFor({ timeout: 60_000 })
    expect(await chipCodes(page)).toEqual(picked)
    await waitForTable(page, picked)
    await waitForMapIdle(page)
    await page.waitForFunction(n => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['compare-outline'] }).length >= n, picked.length, { timeout: 30_000 })
    await screenshot(page, 'compare-reloaded')
    const english = new URL(page.url())
    english.searchParams.set('lang', 'en')
    await page.goto(english.href)
    await waitForTable(page, picked)
    expect(await page.getByTestId('compare-sheet').locator('h2').textContent()).toContain('Regional comparison')
    await page.waitForTimeout(300)
    await screenshot(page, 'compare-en')
  })

  it('exports the comparison as CSV and XLSX', async () => {
    const { page } = session
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export-csv').click()])
    expect(csv.suggestedFilename()).toMatch(/\.csv$/)
    const text = readFileSync((await csv.path())!, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xFEFF)
    const rows = parse(text, { bom: true }) as string[][]
    expect(rows).toHaveLength(1 + picked.length * 15)
    expect(rows.slice(1).map(r => r[0])).toEqual(picked.flatMap(code => Array.from({ length: 15 }, () => code)))
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as never)
    expect(wb.worksheets).toHaveLength(3)
    expect(wb.worksheets[0]!.rowCount).toBe(1 + picked.length * 15)
  })

  it('adds a district across levels: up one level, then Ctrl-click a district', async () => {
    const { page } = session
    await page.getByTestId('crumb-up').click()
    await page.waitForFunction(() => {
      const map = (window as RiskmapWindow).__riskmap?.map
      const features = map?.queryRenderedFeatures({ layers: ['regions-fill'] }) ?? []
      return features.length > 0 && features.every(f => f.properties.level === 'district')
    }, undefined, { timeout: 60_000 })
    await waitForMapIdle(page)
    expect(await chipCodes(page)).toEqual(picked)
    // Without compare mode this time: a Ctrl-click adds the region instead of drilling into it.
    if ((await page.getByTestId('compare-mode').getAttribute('aria-pressed')) === 'true')
      await page.getByTestId('compare-mode').click()
    // Fold the sheet away to see the whole map, pick, and unfold it again.
    await page.getByTestId('compare-fold').click()
    await screenshot(page, 'compare-folded')
    const hit = await clickableRegion(page, picked)
    await page.keyboard.down('Control')
    await page.mouse.click(hit.x, hit.y)
    await page.keyboard.up('Control')
    picked.push(hit.code)
    expect(hit.code).toMatch(/^\d{6}$/)
    await page.waitForFunction(n => document.querySelectorAll('[data-testid=compare-chip]').length === n, picked.length)
    // Still at district level: the Ctrl-click did not drill in.
    expect(new URL(page.url()).searchParams.get('level')).toBe('district')
    await page.getByTestId('compare-fold').click()
    await waitForTable(page, picked)
    const levels = await page.locator('[data-testid=compare-table] th.region small').allTextContents()
    expect(levels.filter(l => l === '乡镇（街道）' || l === 'Township')).toHaveLength(2)
    expect(levels.filter(l => l === '区县' || l === 'District')).toHaveLength(1)
    // The district's row values equal the district choropleth for the same month.
    const parent = await page.evaluate(code => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['regions-fill'] }).find(f => String(f.properties.code) === code)!.properties.parent, hit.code)
    const res = await page.context().request.get(`${server.url}/api/choropleth?level=district&parent=${parent}&indicator=all&period=${month}`)
    const expected = (await res.json()).regions.find((r: any) => r.code === hit.code).value
    expect(Number(await page.locator(`tr[data-indicator=all] td.value[data-code="${hit.code}"]`).getAttribute('data-value'))).toBe(expected)
    await waitForMapIdle(page)
    await page.waitForFunction(n => new Set((window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['compare-outline'] }).map(f => f.properties.code)).size >= n, 1, { timeout: 30_000 })
    await screenshot(page, 'compare-levels')
  })
})
