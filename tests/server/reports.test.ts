import type { Section, Table } from '../helpers/report-check.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { generateDemoEvents, generateDemoValues } from '@riskmap/geodata/demo/index.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { catalog as catalogDefinition } from '@riskmap/server/catalog/indicator-catalog.ts'
import { importEventsCsv } from '@riskmap/server/import/events-import.ts'
import { importValuesCsv } from '@riskmap/server/import/values-import.ts'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, convertToPdf, describeIfOffice, renderPdf } from '../helpers/office-convert.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { checkParagraph, formatIndependently } from '../helpers/report-check.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()

// The synthetic demo data of 白城 (220800) through the importer, as the demo seed loads it, for
// the months the reports read: June 2026 against May (monthly), 2026 Q2 against 2025 Q2 (quarterly).
const CITY = '220800'
const DISTRICT = '220802'
const TOWNSHIP = '220802009000'
const MONTHS = ['2025-04', '2025-05', '2025-06', '2026-04', '2026-05', '2026-06']
const regions = loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry }))
const values = generateDemoValues({ regions, catalog: catalogDefinition, endMonth: '2026-06' })
  .filter(v => v.region.startsWith('2208') && MONTHS.includes(v.month))
const classes = catalogDefinition.flatMap(c => c.classes.map(k => k.code))
let displayToken: string

const report = async (query: string, token?: string) => ctx.get(`/api/reports/health?${query}`, token)
const monthly = `kind=monthly&region=${CITY}&period=2026-06`

beforeAll(async () => {
  const ctxImport = { actor: 'test', scope: '*', requestId: null, filename: 'synthetic demo data', source: 'demo', synthetic: true }
  const csv = ['region,indicator,month,value', ...values.map(v => `${v.region},${v.indicator},${v.month},${v.value}`)].join('\n')
  await importValuesCsv(ctx.t.db.transaction, ctx.t.catalog, new TextEncoder().encode(csv), ctxImport)
  // Events carry their +08:00 local time, so the month is the first seven characters; 白城 lies north of 40°N.
  const lines = ['id,indicator,occurred_at,lon,lat']
  for (const e of generateDemoEvents({ regions, catalog: catalogDefinition, endMonth: '2026-06', total: 20_000 })) {
    if (e.lat > 40 && MONTHS.includes(e.occurredAt.slice(0, 7)))
      lines.push(`${e.id},${e.indicator},${e.occurredAt},${e.lon},${e.lat}`)
  }
  const r = await importEventsCsv(ctx.t.db.transaction, ctx.t.catalog, new TextEncoder().encode(lines.join('\n')), 'wgs84', ctxImport)
  expect(r.inserted).toBe(lines.length - 1)
  displayToken = (await createPrincipal(ctx.t.db, { username: 'report-display', role: 'display', scope: '*' })).token
}, 600_000)

/** The rollup's own sum, straight from SQL. */
async function rollupSum(region: string, like: string, months: string[]): Promise<number> {
  const rows = await ctx.t.db.query<{ v: number }>(`
    SELECT coalesce(sum(value), 0)::float8 AS v FROM rollup
    WHERE region = $1 AND indicator LIKE $2 AND to_char(month, 'YYYY-MM') = ANY($3)`, [region, like, months])
  return rows[0]!.v
}

function tablesOf(body: any): Table[] {
  return [body.summary, ...body.subTables]
}

/** The mechanical check over both languages; returns how many numbers it checked. */
function checkNarrative(body: any): number {
  let refs = 0
  const problems: string[] = []
  for (const lang of ['zh', 'en'] as const) {
    for (const s of body.narrative[lang] as Section[]) {
      for (const p of s.paragraphs) {
        problems.push(...checkParagraph(p, tablesOf(body)).map(x => `${lang}/${s.key}: ${x}`))
        refs += p.refs.length
      }
    }
  }
  expect(problems).toEqual([])
  return refs
}

const cell = (t: Table, row: string, col: string) => t.rows.find(r => r.key === row)!.cells[col]

describe('gET /api/reports/health, monthly for 白城', () => {
  let body: any
  beforeAll(async () => {
    const res = await report(monthly)
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200)
    body = res.body
  })

  it('has exactly 1 summary, 10 sub-tables, 10 charts and 1 written report', () => {
    expect(body.kind).toBe('monthly')
    expect(body.region).toEqual({ code: CITY, name: '白城市', level: 'city' })
    expect(body.summary.id).toBe('summary')
    expect(body.subTables).toHaveLength(10)
    expect(body.subTables.map((t: Table) => t.id)).toEqual(classes.map(c => `class-${c}`))
    expect(body.charts).toHaveLength(10)
    expect(body.charts.map((c: any) => c.tableId)).toEqual(body.subTables.map((t: Table) => t.id))
    expect(body.narrative.zh.map((s: Section) => s.key)).toEqual(['total', 'structure', 'regions', 'changes', 'warnings'])
    expect(body.narrative.en.map((s: Section) => s.key)).toEqual(['total', 'structure', 'regions', 'changes', 'warnings'])
    expect(body.synthetic).toBe(true)
    expect(body.period).toMatchObject({ from: '2026-06', to: '2026-06', label: { zh: '2026年6月' } })
    expect(body.period.baseline.zh).toContain('环比')
    expect(Array.isArray(body.warnings) && Array.isArray(body.listings)).toBe(true)
  })

  it('summarises the total, 4 categories and 10 classes, with a column per district', () => {
    const t: Table = body.summary
    expect(t.rows.map(r => r.key)).toEqual(['all', 'A', 'A1', 'A2', 'B', 'B1', 'B2', 'C', 'C1', 'C2', 'D', 'D1', 'D2', 'D3', 'D4'])
    const districts = regions.filter(r => r.parent === CITY).map(r => r.code).sort()
    expect(t.columns.map(c => c.key)).toEqual(['value', 'per10k', 'previous', 'change', 'changePct', 'z', 'flag', 'share', ...districts])
    for (const r of t.rows)
      expect(districts.reduce((s, d) => s + (r.cells[d] as number), 0), r.key).toBe(r.cells.value)
  })

  it('every number in the narrative is a table cell written as the table writes it', () => {
    expect(checkNarrative(body)).toBeGreaterThan(40)
    const zh = body.narrative.zh.flatMap((s: Section) => s.paragraphs.map(p => p.text)).join('\n')
    expect(zh).toMatch(/占 .+ 的 \d+\.\d%/)
    expect(zh).toContain('白城市')
  })

  it('the check itself catches a changed number, an uncited number and a misformatted ref', () => {
    const tables = tablesOf(body)
    const p = body.narrative.zh[0].paragraphs[0]
    expect(checkParagraph(p, tables)).toEqual([])
    const first = p.refs[0].text
    expect(checkParagraph({ ...p, text: p.text.replace(first, String(Number(first) + 1)) }, tables)).not.toEqual([])
    expect(checkParagraph({ ...p, text: `${p.text}另有 7 件。` }, tables)).not.toEqual([])
    expect(checkParagraph({ text: p.text, refs: p.refs.map((r: any, i: number) => i ? r : { ...r, column: 'previous' }) }, tables)).not.toEqual([])
  })

  it('the significant changes section names only flagged changes, each with its z', () => {
    const changes: Section = body.narrative.zh.find((s: Section) => s.key === 'changes')
    const zRefs = changes.paragraphs.flatMap(p => p.refs).filter(r => r.column === 'z')
    const tables = tablesOf(body)
    for (const ref of zRefs) {
      const t = tables.find(x => x.id === ref.table)!
      expect(cell(t, ref.row, 'flag'), JSON.stringify(ref)).not.toBe('none')
      expect(Math.abs(cell(t, ref.row, 'z') as number)).toBeGreaterThanOrEqual(2)
    }
    // Every flagged own change with enough counts is written.
    const flagged = body.summary.rows.filter((r: any) => r.cells.flag !== 'none' && r.cells.value + r.cells.previous >= 6)
    expect(zRefs.filter(r => r.table === 'summary').map(r => r.row).sort()).toEqual(flagged.map((r: any) => r.key).sort())
  })

  it('values, rates and changes equal independent sums from the rollup and the demo values', async () => {
    const t: Table = body.summary
    const population = regions.find(r => r.code === CITY)!.population
    for (const [row, like] of [['all', '%'], ['C2', 'C2-%'], ['A1', 'A1-%'], ['D', 'D%']] as const) {
      const now = await rollupSum(CITY, like, ['2026-06'])
      const before = await rollupSum(CITY, like, ['2026-05'])
      expect(cell(t, row, 'value'), row).toBe(now)
      expect(cell(t, row, 'previous'), row).toBe(before)
      expect(cell(t, row, 'change'), row).toBe(now - before)
      expect(cell(t, row, 'z'), row).toBe(Number((2 * (Math.sqrt(now) - Math.sqrt(before))).toFixed(2)))
      expect(cell(t, row, 'per10k'), row).toBe(Number((now * 10_000 / population).toFixed(2)))
    }
    // A values-only class against the generated rows themselves, per district and sub-class.
    const b2: Table = body.subTables.find((x: Table) => x.id === 'class-B2')
    for (const code of ['B2-01', 'B2-03']) {
      const expected = values.filter(v => v.region.startsWith(DISTRICT) && v.indicator === code && v.month === '2026-06').reduce((s, v) => s + v.value, 0)
      expect(cell(b2, DISTRICT, code)).toBe(expected)
    }
    const total = values.filter(v => v.indicator.startsWith('B2-') && v.month === '2026-06').reduce((s, v) => s + v.value, 0)
    expect(cell(b2, CITY, 'total')).toBe(total)
    expect(cell(b2, CITY, 'total')).toBe(cell(t, 'B2', 'value'))
  })

  it('draws each chart from its sub-table: the sub-classes now and at the baseline', () => {
    const chart = body.charts.find((c: any) => c.id === 'chart-C2')
    const c2: Table = body.subTables.find((x: Table) => x.id === 'class-C2')
    const subs = c2.columns.filter(c => c.key.startsWith('C2-'))
    expect(chart.categories.map((c: any) => c.zh)).toEqual(subs.map(s => s.zh))
    expect(chart.series[0].data).toEqual(subs.map(s => cell(c2, CITY, s.key)))
    expect(chart.series[1].data).toEqual(subs.map(s => cell(c2, 'baseline', s.key)))
    const changeRow = c2.rows.find(r => r.key === 'change')!
    expect(changeRow.format).toEqual({ kind: 'count', signed: true })
    for (const s of subs)
      expect(changeRow.cells[s.key]).toBe((cell(c2, CITY, s.key) as number) - (cell(c2, 'baseline', s.key) as number))
  })
})

describe('quarterly, special and township reports', () => {
  it('a quarterly report compares the quarter with the same quarter a year before (YoY) and names the causes', async () => {
    const res = await report(`kind=quarterly&region=${CITY}&period=2026-Q2`)
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    const t: Table = res.body.summary
    expect(res.body.period).toMatchObject({ from: '2026-04', to: '2026-06', label: { zh: '2026年第2季度', en: '2026 Q2' } })
    expect(res.body.period.baseline.zh).toContain('同比')
    expect(cell(t, 'all', 'value')).toBe(await rollupSum(CITY, '%', ['2026-04', '2026-05', '2026-06']))
    expect(cell(t, 'all', 'previous')).toBe(await rollupSum(CITY, '%', ['2025-04', '2025-05', '2025-06']))
    expect(cell(t, 'C2', 'previous')).toBe(await rollupSum(CITY, 'C2-%', ['2025-04', '2025-05', '2025-06']))
    const structure: Section = res.body.narrative.zh.find((s: Section) => s.key === 'structure')
    expect(structure.paragraphs.map(p => p.text).join('')).toContain('主要来自')
    expect(checkNarrative(res.body)).toBeGreaterThan(40)
  })

  it('a special report on a topic keeps all the tables and writes about the topic', async () => {
    const res = await report(`kind=special&region=${DISTRICT}&period=2026-06&topic=C2`)
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    expect(res.body.topic).toEqual({ code: 'C2', name: { zh: '刑事案件', en: 'Criminal cases' } })
    expect(res.body.subTables).toHaveLength(10)
    expect(res.body.charts).toHaveLength(10)
    const total: Section = res.body.narrative.zh[0]
    expect(total.paragraphs[0]!.text).toContain('刑事案件')
    expect(total.paragraphs[0]!.refs[0]).toMatchObject({ table: 'summary', row: 'C2', column: 'value' })
    const cited = res.body.narrative.zh.flatMap((s: Section) => s.paragraphs.flatMap(p => p.refs))
    expect(cited.every((r: any) => r.table === 'summary' ? ['C', 'C2'].includes(r.row) || r.row === 'all' : r.table === 'class-C2')).toBe(true)
    checkNarrative(res.body)
    const quarter = await report(`kind=special&region=${DISTRICT}&period=2026-Q2&topic=B`)
    expect(quarter.status).toBe(200)
    expect(quarter.body.period.baseline.zh).toContain('同比')
    checkNarrative(quarter.body)
  })

  it('a township report has no children and says so', async () => {
    const res = await report(`kind=monthly&region=${TOWNSHIP}&period=2026-06`)
    expect(res.status).toBe(200)
    expect(res.body.summary.columns).toHaveLength(8)
    expect(res.body.summary.notes.map((n: any) => n.zh).join('')).toContain('无下级区域')
    expect(res.body.subTables[0].rows.map((r: any) => r.key)).toEqual([TOWNSHIP, 'baseline', 'change', 'share'])
    expect(res.body.narrative.zh.find((s: Section) => s.key === 'regions').paragraphs[0].text).toContain('无下级区域')
    checkNarrative(res.body)
  })
})

describe('bad requests', () => {
  it.each([
    ['kind=weekly&region=220800&period=2026-06', 'kind'],
    ['kind=monthly&region=220800&period=2026-13', 'period'],
    ['kind=monthly&region=220800&period=2026-Q2', 'period'],
    ['kind=quarterly&region=220800&period=2026-06', 'period'],
    ['kind=quarterly&region=220800&period=2026-Q5', 'period'],
    ['kind=special&region=220800&period=2026-06&topic=C2-05', 'topic'],
    ['kind=special&region=220800&period=2026-06&topic=Z9', 'topic'],
    ['kind=monthly&region=220800&period=2026-06&topic=C2', 'topic'],
    ['kind=monthly&region=22080&period=2026-06', 'region'],
    ['kind=monthly&region=220800&period=2026-06&format=pdf', 'format'],
  ])('%s is a 400 naming %s', async (query, parameter) => {
    const res = await report(query)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_parameter')
    expect(res.body.error.message).toContain(parameter)
  })

  it('an unknown region is a 404', async () => {
    const res = await report('kind=monthly&region=999999&period=2026-06')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('unknown_region')
  })

  it('a display may read the report but not export it', async () => {
    expect((await report(monthly, displayToken)).status).toBe(200)
    const res = await report(`${monthly}&format=xlsx`, displayToken)
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
  })
})

describe('xLSX export', () => {
  it('opens with exceljs: a sheet per table plus the report and follow-up, with the same numbers', async () => {
    const json = (await report(monthly)).body
    const res = await ctx.app.request(`/api/reports/health?${monthly}&format=xlsx`, { headers: { authorization: `Bearer ${ctx.adminToken}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    expect(res.headers.get('content-disposition')).toContain('health-monthly-220800-2026-06.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const names = wb.worksheets.map(w => w.name)
    expect(names.length).toBeGreaterThanOrEqual(11)
    expect(names.slice(0, 11)).toEqual(['总表 Summary', ...classes.map(c => `分表 ${c}`)])
    expect(names).toContain('报告 Report')
    expect(names).toContain('预警督办 Follow-up')
    for (const [i, table] of [json.summary, ...json.subTables].entries()) {
      const ws = wb.worksheets[i]!
      expect(String(ws.getRow(2).getCell(1).value)).toContain('synthetic demo data')
      const header = (ws.getRow(3).values as unknown[]).slice(1)
      expect(header).toHaveLength(table.columns.length + 2)
      for (const [k, row] of (table.rows as any[]).entries()) {
        const xl = ws.getRow(4 + k)
        expect(xl.getCell(1).value).toBe(row.key)
        table.columns.forEach((c: any, j: number) => expect(xl.getCell(j + 3).value ?? null, `${table.id}/${row.key}/${c.key}`).toEqual(row.cells[c.key]))
      }
    }
    const text = wb.getWorksheet('报告 Report')!
    const written = (text.getColumn(1).values as unknown[]).filter(v => typeof v === 'string').join('\n')
    expect(written).toContain(json.narrative.zh[0].paragraphs[0].text)
    // Formats in the sheet write a cell as the narrative does.
    const z = wb.worksheets[0]!.getRow(4).getCell(8)
    expect(z.numFmt).toBe('+0.00;-0.00;0.00')
    expect(formatIndependently(z.value as number, 'z', true)).toMatch(/^[+-]?\d+\.\d\d$/)
  })
})

describeIfOffice('the XLSX in LibreOffice (headless)', () => {
  it('converts to PDF and renders pages that are not blank', async () => {
    const dir = path.join(artifactsDir, 'reports')
    mkdirSync(dir, { recursive: true })
    const db = process.env.DATABASE_URL ? 'server' : 'embedded'
    const json = (await report(monthly)).body
    writeFileSync(path.join(dir, `health-monthly-${CITY}-2026-06.${db}.json`), JSON.stringify(json, null, 2))
    const res = await ctx.app.request(`/api/reports/health?${monthly}&format=xlsx`, { headers: { authorization: `Bearer ${ctx.adminToken}` } })
    const xlsx = path.join(dir, `health-monthly-${CITY}-2026-06.${db}.xlsx`)
    writeFileSync(xlsx, new Uint8Array(await res.arrayBuffer()))
    const pdf = await convertToPdf(xlsx, dir)
    const pages = await renderPdf(pdf, dir, `health-monthly-${CITY}-2026-06.${db}`)
    // 11 table sheets, the report and the follow-up: at least one page each.
    expect(pages.length).toBeGreaterThanOrEqual(13)
    for (const p of pages) {
      expect(p.bytes, p.png).toBeGreaterThan(2_000)
      expect(p.ink, p.png).toBeGreaterThan(0.002)
      expect(p.stdDev, p.png).toBeGreaterThan(5)
    }
  }, 300_000)
})
