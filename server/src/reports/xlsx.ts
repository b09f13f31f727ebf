import type { Worksheet } from 'exceljs'
import type { CellFormat, Report, ReportTable } from './types.ts'
import ExcelJS from 'exceljs'
import { neutralise } from '../listed/export.ts'
import { cellFormat, DIGITS } from './format.ts'

/** Character cells of text that fit across A4 portrait (LibreOffice does not shrink a single wide column). */
const TEXT_WIDTH = 72

export const SYNTHETIC_LINE = '合成演示数据 synthetic demo data: the figures describe no real place'

/** Excel number formats that write a cell as formatCell does (percent cells hold percents already). */
function numFmt(f: CellFormat): string | undefined {
  if (f.kind !== 'count' && f.kind !== 'rate' && f.kind !== 'pct' && f.kind !== 'z')
    return undefined
  const digits = DIGITS[f.kind]
  const body = digits ? `0.${'0'.repeat(digits)}` : '0'
  const unit = f.kind === 'pct' ? '"%"' : ''
  return f.signed ? `+${body}${unit};-${body}${unit};${body}${unit}` : `${body}${unit}`
}

/** Printed (and converted to PDF) one sheet wide on A4, as many pages long as it takes. */
function fitWidth(ws: Worksheet, orientation: 'landscape' | 'portrait') {
  ws.pageSetup = { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 } }
}

/** Display width of a text in character cells: CJK and full-width forms count double. */
function textWidth(s: string): number {
  let w = 0
  for (const ch of s)
    w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1
  return w
}

/**
 * Adds a row whose text cell wraps, merged over `span` columns, with a height for its lines:
 * LibreOffice does not grow a row for wrapped text on its own when converting.
 */
function wrapped(ws: Worksheet, values: unknown[], col: number, width: number, span = col) {
  const row = ws.addRow(values)
  const text = String(values[col - 1] ?? '')
  if (span > col)
    ws.mergeCells(row.number, col, row.number, span)
  row.getCell(col).alignment = { wrapText: true, vertical: 'top' }
  row.height = 15 * Math.max(1, Math.ceil(textWidth(text) / (width * 0.95)))
  return row
}

function titleRows(ws: Worksheet, title: string, synthetic: boolean) {
  ws.addRow([neutralise(title)]).font = { bold: true, size: 13 }
  if (synthetic)
    ws.addRow([SYNTHETIC_LINE]).font = { italic: true, color: { argb: 'FFB00020' } }
}

/** One table as a sheet: the title, the header (zh + en), one row per table row, the notes. */
function tableSheet(wb: ExcelJS.Workbook, name: string, t: ReportTable, synthetic: boolean) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2 }] })
  titleRows(ws, `${t.title.zh} ${t.title.en}`, synthetic)
  const header = ws.addRow(['编码 Key', '项目 Item', ...t.columns.map(c => neutralise(`${c.zh}\n${c.en}`))])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'top' }
  header.height = 15 * Math.max(...t.columns.map(c => Math.ceil(textWidth(c.zh) / 12) + Math.ceil(textWidth(c.en) / 12)), 1)
  for (const row of t.rows) {
    const added = ws.addRow([row.key, neutralise(`${'  '.repeat(row.depth)}${row.label.zh} ${row.label.en}`), ...t.columns.map(c => row.cells[c.key] ?? null)])
    if (row.depth === 0)
      added.font = { bold: true }
    t.columns.forEach((c, i) => {
      const fmt = numFmt(cellFormat(row, c))
      if (fmt)
        added.getCell(i + 3).numFmt = fmt
    })
  }
  for (const n of t.notes)
    wrapped(ws, ['', neutralise(`${n.zh} ${n.en}`)], 2, 48 + 13 * t.columns.length, t.columns.length + 2)
  ws.getColumn(1).width = 10
  ws.getColumn(2).width = 48
  t.columns.forEach((_, i) => {
    ws.getColumn(i + 3).width = 13
  })
  fitWidth(ws, 'landscape')
}

/** 1 summary + 10 sub-tables (a sheet each), the written report, the warnings and listings, the method. */
export async function reportXlsx(r: Report): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Riskmap'
  tableSheet(wb, '总表 Summary', r.summary, r.synthetic)
  for (const t of r.subTables)
    tableSheet(wb, `分表 ${t.id.replace(/^class-/, '')}`, t, r.synthetic)

  const text = wb.addWorksheet('报告 Report')
  titleRows(text, `${r.region.name} ${r.period.label.zh} 体检报告 / health check, ${r.period.label.en} (${r.period.baseline.zh} ${r.period.baseline.en})`, r.synthetic)
  for (const lang of ['zh', 'en'] as const) {
    for (const s of r.narrative[lang]) {
      text.addRow([neutralise(s.heading)]).font = { bold: true }
      for (const p of s.paragraphs)
        wrapped(text, [neutralise(p.text)], 1, TEXT_WIDTH)
    }
  }
  text.getColumn(1).width = TEXT_WIDTH
  fitWidth(text, 'portrait')

  const follow = wb.addWorksheet('预警督办 Follow-up')
  titleRows(follow, '预警 Warnings', r.synthetic)
  follow.addRow(['编号 Id', '级别 Severity', '状态 Status', '地区 Region', '指标 Indicator', '期间 Period', '说明 Message']).font = { bold: true }
  for (const w of r.warnings)
    follow.addRow([w.id, w.severity, w.status, neutralise(w.regionName), neutralise(`${w.indicatorName.zh} ${w.indicatorName.en}`), w.period, neutralise(w.message.zh)])
  follow.addRow([])
  follow.addRow(['挂牌督办 Supervision listings']).font = { bold: true, size: 13 }
  follow.addRow(['编号 Id', '地区 Region', '责任单位 Unit', '挂牌 Listed', '期限 Deadline', '状态 Status', '逾期 Overdue', '约谈 Summons', '最新进展 Latest note']).font = { bold: true }
  for (const l of r.listings)
    follow.addRow([l.id, neutralise(l.regionName), neutralise(l.unit), l.listedAt, l.deadline, l.status, l.overdue ? '是 yes' : '否 no', l.summons ? '是 yes' : '否 no', l.latestNote === null ? null : neutralise(l.latestNote)])
  follow.columns.forEach((col, i) => {
    col.width = i === 6 || i === 8 ? 50 : 16
  })
  fitWidth(follow, 'landscape')

  const method = wb.addWorksheet('方法 Method')
  titleRows(method, '方法 Method', r.synthetic)
  for (const [k, v] of Object.entries(r.method))
    wrapped(method, [k, v], 2, TEXT_WIDTH - 14)
  method.getColumn(1).width = 14
  method.getColumn(2).width = TEXT_WIDTH - 14
  fitWidth(method, 'portrait')
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

export function reportDisposition(r: Report, period: string): string {
  const ascii = `health-${r.kind}-${r.region.code}-${period}.xlsx`
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`体检报告-${r.region.name}-${period}.xlsx`)}`
}
