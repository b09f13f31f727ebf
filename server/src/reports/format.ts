import type { CellFormat, CellValue, ColumnKind, ReportColumn, ReportRow } from './types.ts'

/** Decimal places a cell of each kind is rounded to, in the JSON, the XLSX and the text alike. */
export const DIGITS: Record<ColumnKind, number> = { text: 0, count: 0, rate: 2, pct: 1, z: 2, flag: 0 }

/** Rounds a number for a cell of this kind; -0 becomes 0. */
export function roundFor(kind: ColumnKind, v: number | null): number | null {
  if (v === null || !Number.isFinite(v))
    return null
  const r = Number(v.toFixed(DIGITS[kind]))
  return r === 0 ? 0 : r
}

/**
 * How a cell is written, in the narrative and in the web view: counts as integers, rates with 2
 * decimals, percents with 1 decimal and '%', z with 2 decimals; a signed column puts '+' before a
 * positive value; an empty cell is '—'. The narrative check (tests/server/reports.test.ts) holds
 * every number in the text to this.
 */
export function formatCell(v: CellValue, col: CellFormat): string {
  if (v === null)
    return '—'
  if (typeof v === 'string')
    return v
  const text = v.toFixed(DIGITS[col.kind])
  const sign = col.signed && v > 0 ? '+' : ''
  return `${sign}${text}${col.kind === 'pct' ? '%' : ''}`
}

/** The format of one cell: the row's override, else its column's. */
export function cellFormat(row: Pick<ReportRow, 'format'>, col: ReportColumn): CellFormat {
  return row.format ?? col
}
