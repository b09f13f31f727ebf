import type { ReportCell, ReportCellKind, ReportColumn, ReportRow } from '../api/reports-api.ts'

export type ReportLang = 'zh' | 'en'
export interface CellFormat { kind: ReportCellKind, signed?: boolean }

/** Decimal places per kind, as the server rounds and writes them (server/src/reports/format.ts). */
const DIGITS: Record<ReportCellKind, number> = { text: 0, count: 0, rate: 2, pct: 1, z: 2, flag: 0 }

/**
 * A report cell as text: the same characters the server writes into the narrative for that cell,
 * so a number read in the text is found as printed in its table (tests/web/report-format.test.ts
 * holds this to the server's own formatCell). Counts whole, rates and z to 2 decimals, percents to
 * 1 decimal with '%', '+' before a positive value in a signed column, '—' for an empty cell.
 */
export function formatReportCell(value: ReportCell | undefined, format: CellFormat): string {
  if (value === null || value === undefined)
    return '—'
  if (typeof value === 'string')
    return value
  const text = value.toFixed(DIGITS[format.kind])
  const sign = format.signed && value > 0 ? '+' : ''
  return `${sign}${text}${format.kind === 'pct' ? '%' : ''}`
}

/** A row may override its columns' format (a sub-table's change and share rows). */
export const cellFormat = (row: Pick<ReportRow, 'format'>, column: ReportColumn): CellFormat => row.format ?? column

/** Right-aligned columns: everything but text and flags. */
export const isNumericKind = (kind: ReportCellKind) => kind !== 'text' && kind !== 'flag'

/** The zh or en half of a `{ zh, en }` pair. */
export const pick = (name: { zh: string, en: string }, lang: ReportLang) => lang === 'en' ? name.en : name.zh
