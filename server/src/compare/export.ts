import type { CompareChange, Comparison } from './table.ts'
import ExcelJS from 'exceljs'
import { neutralise } from '../listed/export.ts'

export type Cell = string | number | null

const kindZh = { total: '合计 total', category: '大类 category', class: '类别 class' } as const

/** The comparison table, one row per region and indicator; the same in CSV and in the XLSX sheet. */
export const tableHeaders = [
  '地区编码 Region code',
  '地区 Region',
  '级别 Level',
  '人口 Population',
  '指标编码 Indicator',
  '指标 Indicator name',
  '层级 Kind',
  '月份 Month',
  '数量 Value',
  '每万人 Per 10k',
  '环比基期值 MoM previous',
  '环比变化 MoM change',
  '环比% MoM %',
  '环比z MoM z',
  '环比显著性 MoM flag',
  '同比基期值 YoY previous',
  '同比变化 YoY change',
  '同比% YoY %',
  '同比z YoY z',
  '同比显著性 YoY flag',
]

const round = (v: number | null, digits: number) => v === null ? null : Number(v.toFixed(digits))
const changeCells = (c: CompareChange): Cell[] => [c.previous, c.change, round(c.changePct, 1), round(c.z, 2), c.flag]

export function tableRows(cmp: Comparison): Cell[][] {
  return cmp.regions.flatMap(r => cmp.indicators.map((ind) => {
    const cell = r.cells[ind.code]!
    return [
      r.code,
      neutralise(r.name),
      r.level,
      r.population,
      ind.code,
      neutralise(`${ind.name.zh} ${ind.name.en}`),
      kindZh[ind.kind],
      cmp.month,
      cell.value,
      round(cell.per10k, 3),
      ...changeCells(cell.mom),
      ...changeCells(cell.yoy),
    ]
  }))
}

/** Monthly counts, one row per month, one column per region × (total and categories). */
export function trendTable(cmp: Comparison): { headers: string[], rows: Cell[][] } {
  const series = cmp.indicators.filter(i => i.kind !== 'class')
  const headers = ['月份 Month', ...cmp.regions.flatMap(r => series.map(s => neutralise(`${r.name} ${s.code === 'all' ? '合计' : s.name.zh} (${r.code} ${s.code})`)))]
  const rows = cmp.trendMonths.map((m, i) => [m, ...cmp.regions.flatMap(r => series.map(s => r.trends[s.code]![i] ?? null))])
  return { headers, rows }
}

function csvField(v: Cell): string {
  const s = v === null ? '' : String(v)
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s
}

/** RFC 4180 CSV with CRLF and a UTF-8 BOM (Excel reads the Chinese), the comparison table only. */
export function toCsv(cmp: Comparison): string {
  return `\uFEFF${[tableHeaders, ...tableRows(cmp)].map(r => r.map(csvField).join(',')).join('\r\n')}\r\n`
}

/** One sheet per table: the comparison, the 24-month trends, and the method notes. */
export async function toXlsx(cmp: Comparison): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Riskmap'
  const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] }
  const table = wb.addWorksheet('对比 Comparison', frozen)
  table.addRow(tableHeaders).font = { bold: true }
  tableRows(cmp).forEach(r => table.addRow(r))
  table.columns.forEach((col, i) => {
    col.width = i === 5 ? 40 : i === 1 ? 18 : 13
  })
  const trend = trendTable(cmp)
  const trends = wb.addWorksheet('趋势 Trends', frozen)
  trends.addRow(trend.headers).font = { bold: true }
  trend.rows.forEach(r => trends.addRow(r))
  trends.columns.forEach((col, i) => {
    col.width = i === 0 ? 10 : 22
  })
  const method = wb.addWorksheet('方法 Method')
  method.addRow(['项 Item', '说明 Note']).font = { bold: true }
  for (const [k, v] of Object.entries(cmp.method))
    method.addRow([k, v])
  method.getColumn(2).width = 120
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

export function disposition(ext: 'csv' | 'xlsx', month: string): string {
  return `attachment; filename="compare-${month}.${ext}"; filename*=UTF-8''${encodeURIComponent(`地区对比-${month}.${ext}`)}`
}
