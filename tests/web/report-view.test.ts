import type { Report, ReportChart, ReportTable } from '../../web/src/api/reports-api.ts'
import { inflateRawSync } from 'node:zlib'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { formatCell } from '../../server/src/reports/format.ts'
import { reportsApi } from '../../web/src/api/reports-api.ts'
import ReportDocument from '../../web/src/components/reports/ReportDocument.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { classBlocks, listingStatusText, reportTableDensity, reportTitle } from '../../web/src/logic/report-doc-text.ts'
import { buildReportDocx } from '../../web/src/logic/report-docx.ts'
import { formatReportCell } from '../../web/src/logic/report-format.ts'
import { narrativeSpans } from '../../web/src/logic/report-narrative.ts'
import { completeQuarters, fitPeriod, parseReportQuery, regionChain, serializeReportQuery } from '../../web/src/logic/report-query.ts'

// happy-dom has no canvas: the charts are checked in Chromium (tests/e2e/reports.test.ts).
vi.mock('../../web/src/composables/use-report-chart.ts', () => ({ useReportChart: () => {}, reportChartPng: () => null }))

const CLASSES = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'D3', 'D4']
const HOSTILE = `"O'Brien"; $x 🚨`

function subTable(cls: string, i: number): ReportTable {
  return {
    id: `class-${cls}`,
    title: { zh: `${cls} 分表`, en: `${cls} table` },
    columns: [
      { key: `${cls}-01`, zh: '子类一', en: 'Sub one', kind: 'count' },
      { key: 'total', zh: '合计', en: 'Total', kind: 'count' },
      { key: 'change', zh: '变化', en: 'Change', kind: 'count', signed: true },
      { key: 'flag', zh: '显著性', en: 'Flag', kind: 'flag' },
    ],
    rows: [
      { key: '220800', label: { zh: '白城市', en: 'Baicheng' }, depth: 0, cells: { [`${cls}-01`]: 10 + i, total: 10 + i, change: i - 3, flag: i === 5 ? 'warning' : 'none' } },
      { key: 'share', label: { zh: '占比', en: 'Share' }, depth: 0, format: { kind: 'pct' }, cells: { [`${cls}-01`]: 100, total: null, change: null, flag: null } },
    ],
    notes: [],
  }
}

function chart(cls: string, i: number): ReportChart {
  return {
    id: `chart-${cls}`,
    title: { zh: `${cls} 图`, en: `${cls} chart` },
    kind: (['bar', 'line', 'pie'] as const)[i % 3]!,
    tableId: `class-${cls}`,
    categories: [{ zh: '子类一', en: 'Sub one' }],
    series: [{ name: { zh: '本期', en: 'Current' }, data: [10 + i] }],
  }
}

/** A small report in the contract's shape, with hand-checkable numbers. */
const sample: Report = {
  kind: 'monthly',
  region: { code: '220800', name: '白城市', level: 'city' },
  topic: null,
  period: { label: { zh: '2026年5月', en: 'May 2026' }, from: '2026-05', to: '2026-05', baseline: { zh: '环比（上月）', en: 'Month on month' } },
  generatedAt: '2026-06-01T02:00:00.000Z',
  synthetic: true,
  summary: {
    id: 'summary',
    title: { zh: '白城市 总表', en: 'Baicheng summary' },
    columns: [
      { key: 'value', zh: '本期数', en: 'Value', kind: 'count' },
      { key: 'per10k', zh: '每万人', en: 'Per 10k', kind: 'rate' },
      { key: 'changePct', zh: '变化率', en: 'Change %', kind: 'pct', signed: true },
      { key: 'z', zh: 'z 值', en: 'z', kind: 'z', signed: true },
      { key: 'flag', zh: '显著性', en: 'Flag', kind: 'flag' },
    ],
    rows: [
      { key: 'all', label: { zh: '合计', en: 'Total' }, depth: 0, cells: { value: 7021, per10k: 36.77, changePct: 4.8, z: 3.91, flag: 'warning' } },
      { key: 'A', label: { zh: HOSTILE, en: HOSTILE }, depth: 1, cells: { value: 2856, per10k: 14.96, changePct: -3.6, z: -1.5, flag: 'none' } },
    ],
    notes: [{ zh: '基期：上月。', en: 'Baseline: the month before.' }],
  },
  subTables: CLASSES.map(subTable),
  charts: CLASSES.map(chart),
  narrative: {
    zh: [{ key: 'total', heading: '一、总量', paragraphs: [{ text: '全部指标合计 7021，每万人 36.77，较上月 +4.8%。', refs: [
      { text: '7021', table: 'summary', row: 'all', column: 'value' },
      { text: '36.77', table: 'summary', row: 'all', column: 'per10k' },
      { text: '+4.8%', table: 'summary', row: 'all', column: 'changePct' },
    ] }] }],
    en: [{ key: 'total', heading: '1. Total', paragraphs: [{ text: 'All indicators 7021, 36.77 per 10k, +4.8% on the month.', refs: [
      { text: '7021', table: 'summary', row: 'all', column: 'value' },
      { text: '36.77', table: 'summary', row: 'all', column: 'per10k' },
      { text: '+4.8%', table: 'summary', row: 'all', column: 'changePct' },
    ] }] }],
  },
  warnings: [{ id: 1, severity: 'warning', status: 'open', region: '220802', regionName: '洮北区', indicator: 'C2-05', indicatorName: { zh: '电信网络诈骗', en: 'Telecom fraud' }, rule: 'mom_significant', period: '2026-05', message: { zh: '环比显著上升', en: 'Significant rise' }, evidence: { current: 30, previous: 10, z: 4.22 }, createdAt: '2026-06-01T00:00:00Z' }],
  listings: [{ id: 7, region: '220802', regionName: '洮北区', reason: HOSTILE, unit: '洮北分局', plan: '整治', listedAt: '2026-03-01', deadline: '2026-04-30', status: 'listed', closedAt: null, closure: null, overdue: true, summons: true, latestNote: null }],
  method: { change: 'z = 2(√C − √P)' },
}

/** The entries of a ZIP (a DOCX), read with node:zlib from the central directory. */
function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes)
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4B, 0x05, 0x06]))
  const count = buf.readUInt16LE(eocd + 10)
  let at = buf.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10)
    const size = buf.readUInt32LE(at + 20)
    const nameLength = buf.readUInt16LE(at + 28)
    const extra = buf.readUInt16LE(at + 30)
    const comment = buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString()
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const data = buf.subarray(start, start + size)
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
    at += 46 + nameLength + extra + comment
  }
  return out
}

// 1×1 white PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC'

describe('report formatting and text', () => {
  it('formats every cell exactly as the server writes it into the narrative', () => {
    const values = [0, 1, 7, 12, 999, 1234, 7021, -3, -0.5, 0.005, 2.345, 36.77, 4.8, -24.04, 3.91, -1.5, 100, 1e6, null, 'warning', 'none']
    const formats = [{ kind: 'count' }, { kind: 'count', signed: true }, { kind: 'rate' }, { kind: 'pct' }, { kind: 'pct', signed: true }, { kind: 'z', signed: true }, { kind: 'z' }, { kind: 'text' }] as const
    for (const v of values) {
      for (const f of formats)
        expect(formatReportCell(v, f), `${v} ${JSON.stringify(f)}`).toBe(formatCell(v, f))
    }
  })

  it('marks each cited number once, by whole numbers, whatever the order of the refs', () => {
    const ref = (text: string, column: string) => ({ text, table: 't', row: 'r', column })
    const spans = narrativeSpans('共 120 件，其中 12 件，占 12%，另 12 件。', [ref('12', 'b'), ref('120', 'a'), ref('12%', 'c'), ref('12', 'd')])
    expect(spans.filter(s => s.ref).map(s => `${s.text}:${s.ref!.column}`)).toEqual(['120:a', '12:b', '12%:c', '12:d'])
    expect(spans.map(s => s.text).join('')).toBe('共 120 件，其中 12 件，占 12%，另 12 件。')
    expect(narrativeSpans('无数字', [ref('5', 'x')])).toEqual([{ text: '无数字', ref: null }])
  })

  it('reads and writes the report choice in the URL, and fits the period to the kind', () => {
    const p = parseReportQuery({ kind: 'special', region: '220802', period: '2026-Q1', topic: 'C2', doc: 'en' })
    expect(p).toEqual({ kind: 'special', region: '220802', period: '2026-Q1', topic: 'C2', doc: 'en' })
    expect(parseReportQuery(serializeReportQuery(p))).toEqual(p)
    expect(parseReportQuery({ kind: 'monthly', period: '2026-Q1', region: '12', topic: 'C2' })).toEqual({ kind: 'monthly', region: null, period: null, topic: null, doc: 'zh' })
    expect(parseReportQuery({ kind: `x'; DROP` })).toMatchObject({ kind: 'monthly' })
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']
    expect(completeQuarters(months)).toEqual(['2026-Q1'])
    expect(fitPeriod('quarterly', null, months)).toBe('2026-Q1')
    expect(fitPeriod('monthly', '2026-Q1', months)).toBe('2026-Q1') // a special report by quarter keeps it
    expect(fitPeriod('monthly', '2030-01', months)).toBe('2026-04')
    const cities = [{ code: '220800' }, { code: '500000' }]
    expect(regionChain('220800', cities)).toEqual({ city: '220800', district: null, township: null })
    expect(regionChain('500104004000', cities)).toEqual({ city: '500000', district: '500104', township: '500104004000' })
    expect(reportsApi.xlsxUrl({ kind: 'monthly', region: '220800', period: '2026-05' })).toBe('/api/reports/health?kind=monthly&region=220800&period=2026-05&format=xlsx')
    expect(reportsApi.xlsxUrl({ kind: 'special', region: '220802', period: '2026-Q1', topic: 'C2' })).toBe('/api/reports/health?kind=special&region=220802&period=2026-Q1&topic=C2&format=xlsx')
  })

  it('names the report, sizes wide tables down, and pairs each sub-table with its chart', () => {
    expect(reportTitle(sample, 'zh')).toBe('白城市 2026年5月 风险体检月报')
    expect(reportTitle({ ...sample, kind: 'special', topic: { code: 'C2', name: { zh: '刑事案件', en: 'Criminal cases' } } }, 'en')).toBe('白城市 · May 2026 · Special risk health check: Criminal cases')
    expect([9, 10, 16].map(reportTableDensity)).toEqual(['', 'compact', 'dense'])
    const blocks = classBlocks(sample)
    expect(blocks).toHaveLength(10)
    expect(blocks.every(b => b.chart?.tableId === b.table?.id)).toBe(true)
    expect(listingStatusText(sample.listings[0]!, 'zh')).toBe('督办中 · 逾期 · 约谈')
  })
})

describe('the report document', () => {
  it('renders 1 summary table, 10 sub-tables, 10 charts and 1 narrative, with the synthetic label', () => {
    const wrapper = mount(ReportDocument, { props: { report: sample, lang: 'zh' }, global: { plugins: [i18n] } })
    expect(wrapper.findAll('[data-testid=report-summary-table]')).toHaveLength(1)
    expect(wrapper.findAll('[data-testid=report-subtable]')).toHaveLength(10)
    expect(wrapper.findAll('[data-testid=report-chart]')).toHaveLength(10)
    expect(wrapper.findAll('[data-testid=report-narrative]')).toHaveLength(1)
    expect(wrapper.get('[data-testid=report-title]').text()).toBe('白城市 2026年5月 风险体检月报')
    expect(wrapper.get('[data-testid=report-synthetic]').text()).toContain('合成')
    // Numbers as the server prints them; the row override (a share row) wins over the column.
    const cell = (table: string, row: string, column: string) => wrapper.get(`[data-table-id="${table}"] tr[data-row="${row}"] td[data-column="${column}"]`).text()
    expect(cell('summary', 'all', 'value')).toBe('7021')
    expect(cell('summary', 'all', 'changePct')).toBe('+4.8%')
    expect(cell('summary', 'A', 'z')).toBe('-1.50')
    expect(cell('summary', 'all', 'flag')).toBe('显著')
    expect(cell('class-A1', 'share', 'A1-01')).toBe('100.0%')
    expect(cell('class-A1', 'share', 'total')).toBe('—')
    // Every cited number in the narrative is the text of the cell it names.
    const refs = wrapper.findAll('[data-testid=report-narrative] .ref')
    expect(refs).toHaveLength(3)
    for (const r of refs)
      expect(cell(r.attributes('data-table')!, r.attributes('data-row')!, r.attributes('data-column')!)).toBe(r.text())
    expect(wrapper.text()).toContain(HOSTILE)
    expect(wrapper.get('[data-testid=report-listings]').text()).toContain('约谈')
    expect(wrapper.get('[data-testid=report-warnings]').text()).toContain('current 30; previous 10; z 4.22')
  })

  it('switches the document to English without touching the numbers', () => {
    const wrapper = mount(ReportDocument, { props: { report: sample, lang: 'en' }, global: { plugins: [i18n] } })
    expect(wrapper.get('[data-testid=report-narrative] h2').text()).toBe('Report')
    expect(wrapper.get('[data-testid=report-narrative] p').text()).toBe('All indicators 7021, 36.77 per 10k, +4.8% on the month.')
    expect(wrapper.get('[data-testid=report-synthetic]').text()).toContain('Synthetic')
    expect(wrapper.findAll('[data-testid=report-subtable]')).toHaveLength(10)
  })

  it('leaves out the synthetic label for real data', () => {
    const wrapper = mount(ReportDocument, { props: { report: { ...sample, synthetic: false }, lang: 'zh' }, global: { plugins: [i18n] } })
    expect(wrapper.find('[data-testid=report-synthetic]').exists()).toBe(false)
  })
})

describe('the DOCX export', () => {
  it('holds the title, the synthetic label, the narrative, 11 report tables + warnings + listings, and one image per chart', async () => {
    const charts = new Map(sample.charts.map(c => [c.id, PNG]))
    const blob = await buildReportDocx(sample, 'zh', charts)
    const files = unzip(new Uint8Array(await blob.arrayBuffer()))
    const xml = files.get('word/document.xml')!.toString()
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('白城市 2026年5月 风险体检月报')
    expect(text).toContain('演示数据（合成）')
    expect(text).toContain('全部指标合计 7021，每万人 36.77，较上月 +4.8%。')
    expect(text).toContain('&quot;O&apos;Brien&quot;; $x 🚨')
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1 + 10 + 2)
    expect(xml.match(/<w:drawing>/g)).toHaveLength(10)
    // docx stores identical pictures once; the ten drawings all point at it.
    expect([...files.keys()].filter(k => k.startsWith('word/media/'))).toHaveLength(new Set(charts.values()).size)
    // Tables are laid out at the page's text width, never wider.
    for (const w of xml.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/g))
      expect(Number(w[1])).toBeLessThanOrEqual(11906 - 2 * 1020)
  })

  it('leaves a chart out rather than failing when it was not drawn', async () => {
    const blob = await buildReportDocx({ ...sample, warnings: [], listings: [] }, 'en', new Map())
    const xml = unzip(new Uint8Array(await blob.arrayBuffer())).get('word/document.xml')!.toString()
    expect(xml).not.toContain('<w:drawing>')
    expect(xml.replace(/<[^>]+>/g, '')).toContain('No warnings in this period.')
  })
})
