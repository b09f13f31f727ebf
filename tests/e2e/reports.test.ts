import type { Browser } from 'playwright-core'
import type { OfflinePage } from '../helpers/e2e-browser.ts'
import type { E2eServer } from '../helpers/e2e-server.ts'
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeIfBrowser } from '../helpers/ci.ts'
import { launchBrowser, openOfflinePage, screenshotsDir, waitForMapIdle } from '../helpers/e2e-browser.ts'
import { loginAs, startServer } from '../helpers/e2e-server.ts'
import { artifactsDir, convertToPdf, describeIfOffice, pdftoppmPath, renderPdf } from '../helpers/office-convert.ts'

const run = promisify(execFile)
const CITY = '220800' // 白城
const outDir = path.join(artifactsDir, 'reports-web')

/** Images placed in a PDF, as `pdfimages -list` reports them (poppler-utils, next to pdftoppm). */
async function pdfImages(pdf: string): Promise<Array<{ page: number, type: string | undefined, width: number, height: number }>> {
  const pdfimages = path.join(path.dirname(pdftoppmPath!), 'pdfimages')
  const { stdout } = await run(pdfimages, ['-list', pdf])
  return stdout.split('\n').slice(2).filter(l => l.trim()).map((l) => {
    const f = l.trim().split(/\s+/)
    return { page: Number(f[0]), type: f[2], width: Number(f[3]), height: Number(f[4]) }
  }).filter(i => i.type === 'image' && i.width > 0) // not the alpha masks (smask) listed with them
}

describeIfBrowser('health-check report page (/reports)', () => {
  let server: E2eServer
  let browser: Browser
  let session: OfflinePage
  let month: string
  const requested: string[] = []

  beforeAll(async () => {
    rmSync(outDir, { recursive: true, force: true })
    mkdirSync(outDir, { recursive: true })
    server = await startServer()
    browser = await launchBrowser()
    session = await openOfflinePage(browser, { width: 1400, height: 1000 })
    await loginAs(session.context, server.url)
    session.page.on('request', r => requested.push(r.url()))
    const meta = await (await session.context.request.get(`${server.url}/api/meta`)).json()
    month = meta.months.to
  })

  afterAll(async () => {
    await session?.context.close()
    await browser?.close()
    await server?.stop()
  })

  it('opens from the map topbar and renders the monthly report for 白城: 1 summary + 10 sub-tables + 10 charts + 1 narrative', async () => {
    const { page } = session
    await page.goto(`${server.url}/`)
    await waitForMapIdle(page)
    await page.getByTestId('open-reports').click()
    await page.waitForFunction(() => location.pathname === '/reports', undefined, { timeout: 60_000 })
    await page.getByTestId('report-kind-monthly').click()
    await page.getByTestId('report-city').selectOption(CITY)
    await page.getByTestId('report-district').selectOption('')
    await page.getByTestId('report-period').selectOption(month)
    await page.waitForFunction((m) => {
      const q = new URL(location.href).searchParams
      return q.get('kind') === 'monthly' && q.get('region') === '220800' && q.get('period') === m
    }, month)
    await page.getByTestId('report-document').waitFor({ timeout: 120_000 })
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'))
    expect(await page.getByTestId('report-title').textContent()).toContain('白城')
    expect(await page.getByTestId('report-synthetic').count()).toBe(1)
    expect(await page.getByTestId('report-summary-table').count()).toBe(1)
    expect(await page.getByTestId('report-subtable').count()).toBe(10)
    expect(await page.getByTestId('report-chart').count()).toBe(10)
    expect(await page.getByTestId('report-narrative').count()).toBe(1)
    // Every chart drew something: a canvas with non-white pixels.
    const inked = await page.locator('[data-report-chart]').evaluateAll(els => els.map((el) => {
      const canvas = el.querySelector('canvas')
      if (!canvas)
        return 0
      const ctx = canvas.getContext('2d')!
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      let ink = 0
      for (let i = 0; i < data.length; i += 4) {
        if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)
          ink++
      }
      return ink / (canvas.width * canvas.height)
    }))
    expect(inked).toHaveLength(10)
    for (const share of inked)
      expect(share).toBeGreaterThan(0.005)
    // The narrative's cited numbers are marked, and each names a cell of a table on the page.
    const refs = await page.locator('[data-testid=report-narrative] .ref').evaluateAll(els => els.map(e => ({ text: e.textContent, table: (e as HTMLElement).dataset.table, row: (e as HTMLElement).dataset.row, column: (e as HTMLElement).dataset.column })))
    expect(refs.length).toBeGreaterThan(5)
    for (const ref of refs.slice(0, 30)) {
      const cell = page.locator(`[data-table-id="${ref.table}"] tr[data-row="${ref.row}"] td[data-column="${ref.column}"]`)
      expect(await cell.count(), JSON.stringify(ref)).toBe(1)
      expect((await cell.textContent())!.trim(), JSON.stringify(ref)).toBe(ref.text)
    }
    mkdirSync(screenshotsDir, { recursive: true })
    await page.screenshot({ path: path.join(screenshotsDir, 'reports-screen.png') })
    // Print layout: A4, no app chrome, page breaks between sections.
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: path.join(screenshotsDir, 'reports-print-full.png'), fullPage: true })
    expect(await page.locator('.page > .bar').isVisible()).toBe(false)
    expect(await page.getByTestId('report-controls').isVisible()).toBe(false)
    writeFileSync(path.join(outDir, 'print.pdf'), await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }))
    await page.emulateMedia({ media: 'screen' })
    expect(session.externalRequests).toEqual([])
    expect(session.pageErrors).toEqual([])
  })

  it('switches the report to English without asking the server again', async () => {
    const { page } = session
    const before = requested.filter(u => u.includes('/api/reports/health')).length
    await page.getByTestId('report-doc-lang').selectOption('en')
    await page.waitForFunction(() => document.querySelector('[data-testid=report-narrative] h2')?.textContent?.includes('Report'))
    expect(await page.getByTestId('report-title').textContent()).toContain('Monthly')
    await page.screenshot({ path: path.join(screenshotsDir, 'reports-en.png') })
    await page.getByTestId('report-doc-lang').selectOption('zh')
    await page.waitForFunction(() => document.querySelector('[data-testid=report-narrative] h2')?.textContent?.includes('分析报告'))
    expect(requested.filter(u => u.includes('/api/reports/health')).length).toBe(before)
  })

  it('downloads the XLSX (a sheet per table) and the DOCX', async () => {
    const { page } = session
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
    await xlsx.saveAs(path.join(outDir, 'report-xlsx.xlsx'))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(path.join(outDir, 'report-xlsx.xlsx')) as never)
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(11)

    // docx is loaded only now, not with the map or the report page.
    expect(requested.filter(u => /report-docx-[\w-]+\.js/.test(u))).toEqual([])
    const [docx] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('report-docx').click()])
    expect(docx.suggestedFilename()).toMatch(/\.docx$/)
    await docx.saveAs(path.join(outDir, 'report-docx.docx'))
    const bytes = readFileSync(path.join(outDir, 'report-docx.docx'))
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    expect(bytes.length).toBeGreaterThan(100_000) // ten PNG charts at twice the screen resolution
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(requested.filter(u => /report-docx-[\w-]+\.js/.test(u))).toHaveLength(1)
  })

  describeIfOffice('the exported files open in LibreOffice', () => {
    it('the DOCX converts to PDF pages that carry the ten charts and are not blank', async () => {
      const pdf = await convertToPdf(path.join(outDir, 'report-docx.docx'), outDir)
      const pages = await renderPdf(pdf, outDir, 'docx-page')
      expect(pages.length).toBeGreaterThanOrEqual(6)
      for (const p of pages)
        expect(p.stdDev, p.png).toBeGreaterThan(3)
      const images = await pdfImages(pdf)
      expect(images.length).toBe(10)
      const withCharts = new Set(images.map(i => i.page))
      for (const n of withCharts)
        expect(pages[n - 1]!.ink, pages[n - 1]!.png).toBeGreaterThan(0.02)
    })

    it('the XLSX converts to PDF pages that are not blank', async () => {
      const pdf = await convertToPdf(path.join(outDir, 'report-xlsx.xlsx'), outDir)
      const pages = await renderPdf(pdf, outDir, 'xlsx-page')
      expect(pages.length).toBeGreaterThanOrEqual(11)
      for (const p of pages.slice(0, 3))
        expect(p.stdDev, p.png).toBeGreaterThan(3)
    })

    it('the page printed by Chromium is A4 with the ten charts', async () => {
      const pdf = path.join(outDir, 'print.pdf')
      const pages = await renderPdf(pdf, outDir, 'print-page')
      expect(pages.length).toBeGreaterThanOrEqual(6)
      // A4 portrait at 60 dpi: 496 × 702 px.
      expect(pages[0]!.width).toBeCloseTo(496, -1)
      expect(pages[0]!.height).toBeCloseTo(702, -1)
      expect((await pdfImages(pdf)).length).toBeGreaterThanOrEqual(10)
    })
  })
})
