import type { ReportParagraph, ReportRef, ReportTable } from './types.ts'
import { cellFormat, formatCell } from './format.ts'

export type Lang = 'zh' | 'en'

/**
 * Writes a paragraph whose every number is taken from a table cell, formatted as the cell is,
 * and recorded as a ref: the text cannot hold a number its tables do not.
 */
export class ParagraphWriter {
  private text = ''
  private refs: ReportRef[] = []
  constructor(private readonly tables: Map<string, ReportTable>) {}

  /** Words: they must hold no digits of their own (names excepted; see tests/server/reports.test.ts). */
  words(s: string): this {
    this.text += s
    return this
  }

  /** The formatted value of one cell, recorded as a ref. */
  cell(table: string, row: string, column: string): this {
    const t = this.tables.get(table)
    const r = t?.rows.find(x => x.key === row)
    const c = t?.columns.find(x => x.key === column)
    const v = r?.cells[column]
    if (!r || !c || v === undefined || v === null || typeof v === 'string')
      throw new Error(`no number in ${table}/${row}/${column}`)
    const text = formatCell(v, cellFormat(r, c))
    this.text += text
    this.refs.push({ text, table, row, column })
    return this
  }

  /** True when that cell holds a number (the narrative writes only such cells). */
  has(table: string, row: string, column: string): boolean {
    const v = this.tables.get(table)?.rows.find(x => x.key === row)?.cells[column]
    return typeof v === 'number'
  }

  done(): ReportParagraph {
    return { text: this.text, refs: this.refs }
  }
}
