import type { HotspotRow } from '../queries/listed-hotspots.ts'
import type { ListedStatus } from './lifecycle.ts'
import ExcelJS from 'exceljs'
import { isOverdue } from './lifecycle.ts'

const statusZh: Record<ListedStatus, string> = {
  listed: '已挂牌',
  rectifying: '整改中',
  awaiting_acceptance: '待验收',
  extended: '已延期',
  delisted: '已销号',
}

/** Column headers, Chinese first with the English name, the same in CSV and XLSX. */
export const exportHeaders = [
  '编号 ID',
  '名称 Name',
  '状态 Status',
  '逾期 Overdue',
  '责任单位 Responsible unit',
  '挂牌日期 Listed on',
  '整改期限 Deadline',
  '问题类型 Indicators',
  '整改措施 Measures',
  '附件 Attachments',
  '所属乡镇 Township',
  '经度 Longitude',
  '纬度 Latitude',
  '几何 Geometry',
  '创建人 Created by',
  '更新时间 Updated at',
  '版本 Version',
]

export type ExportCell = string | number

/**
 * Text that a spreadsheet would run as a formula (= + - @, and tab or CR before them) gets a
 * leading apostrophe (OWASP CSV injection). Applied to both formats, so that they hold the same rows.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

export function exportRows(rows: HotspotRow[], today: string): ExportCell[][] {
  return rows.map(h => [
    h.id,
    neutralise(h.name),
    `${statusZh[h.status]} (${h.status})`,
    isOverdue(h, today) ? '是 yes' : '否 no',
    neutralise(h.responsibleUnit),
    h.listedOn,
    h.deadline,
    h.indicators.join('; '),
    neutralise(h.measures),
    neutralise(h.attachments.map(a => `${a.title} <${a.url}>`).join('; ')),
    h.region,
    h.centroid[0],
    h.centroid[1],
    h.geometry.type,
    neutralise(h.createdBy),
    h.updatedAt,
    h.version,
  ])
}

function csvField(v: ExportCell): string {
  const s = String(v)
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s
}

/** RFC 4180 CSV with CRLF line ends and a UTF-8 BOM, so that Excel opens Chinese text correctly. */
export function toCsv(rows: ExportCell[][]): string {
  return `\uFEFF${[exportHeaders, ...rows].map(r => r.map(csvField).join(',')).join('\r\n')}\r\n`
}

export async function toXlsx(rows: ExportCell[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Riskmap'
  const ws = wb.addWorksheet('挂牌整治', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRow(exportHeaders).font = { bold: true }
  for (const r of rows)
    ws.addRow(r)
  ws.columns.forEach((col, i) => {
    col.width = [8, 28, 16, 8, 20, 12, 12, 16, 40, 40, 14, 12, 12, 12, 14, 24, 6][i] ?? 14
  })
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** Content-Disposition with an ASCII name and the Chinese one (RFC 6266 filename*). */
export function disposition(ext: 'csv' | 'xlsx', today: string): string {
  return `attachment; filename="listed-hotspots-${today}.${ext}"; filename*=UTF-8''${encodeURIComponent(`挂牌整治-${today}.${ext}`)}`
}
