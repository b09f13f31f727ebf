import type { ReportListing } from '../queries/supervision-report.ts'
import type { ReportWarning } from '../queries/warnings-report.ts'

// The health-check report (issue 7 §3), exactly as /work/briefs/health-contract.md fixes it: the
// web view and the DOCX (H5) and the XLSX here are all drawn from this one JSON.

export interface Names { zh: string, en: string }

export type ColumnKind = 'text' | 'count' | 'rate' | 'pct' | 'z' | 'flag'
export type CellValue = number | string | null

export interface ReportColumn {
  key: string
  zh: string
  en: string
  kind: ColumnKind
  /** A change: positive values are written with '+' (format.ts). Additive to the contract. */
  signed?: boolean
}

export interface CellFormat { kind: ColumnKind, signed?: boolean }

export interface ReportRow {
  key: string
  label: Names
  depth: number
  cells: Record<string, CellValue>
  /** Overrides the columns' kind for this row's cells (a sub-table's change and share rows). Additive to the contract. */
  format?: CellFormat
}

export interface ReportTable { id: string, title: Names, columns: ReportColumn[], rows: ReportRow[], notes: Names[] }

export interface ReportChart {
  id: string
  title: Names
  kind: 'bar' | 'line' | 'pie'
  tableId: string
  categories: Names[]
  series: Array<{ name: Names, data: Array<number | null> }>
}

export interface ReportRef { text: string, table: string, row: string, column: string }
export interface ReportParagraph { text: string, refs: ReportRef[] }
export type SectionKey = 'total' | 'structure' | 'regions' | 'changes' | 'warnings'
export interface ReportSection { key: SectionKey, heading: string, paragraphs: ReportParagraph[] }

export type ReportKind = 'monthly' | 'quarterly' | 'special'

export interface Report {
  kind: ReportKind
  region: { code: string, name: string, level: string }
  /** Special reports on a category or class; null otherwise. Additive to the contract. */
  topic: { code: string, name: Names } | null
  period: { label: Names, from: string, to: string, baseline: Names }
  generatedAt: string
  synthetic: boolean
  summary: ReportTable
  subTables: ReportTable[]
  charts: ReportChart[]
  narrative: { zh: ReportSection[], en: ReportSection[] }
  warnings: ReportWarning[]
  listings: ReportListing[]
  method: Record<string, string>
}
