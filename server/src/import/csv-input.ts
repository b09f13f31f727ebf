import type { RowError } from './row-error.ts'
import { parse } from 'csv-parse/sync'

export interface CsvRecord {
  line: number
  fields: string[]
}

/**
 * Decodes an uploaded CSV. Spreadsheets saved in China are often GB18030/GBK rather than UTF-8:
 * such a file is decoded as GB18030 instead of turning every name into replacement characters.
 */
export function decodeCsv(bytes: Uint8Array): { text: string, encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' }
  }
  catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}

/**
 * Passes the records of a CSV text with their line numbers. A structural fault (an unclosed
 * quote, a NUL byte) ends the parse and is returned as a row error rather than thrown.
 */
export function readCsv(text: string, onRecord: (rec: CsvRecord) => void): RowError | null {
  if (text.includes('\0'))
    return { line: lineOf(text, text.indexOf('\0')), column: null, reason: 'the file contains a NUL byte: it is not a text CSV' }
  try {
    // The synchronous parser with a per-record callback is twice as fast as the async iterator
    // with `info`, and returning null keeps it from holding a million records in memory.
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (fields: string[], context: { lines: number }) => {
        onRecord({ line: context.lines, fields })
        return null
      },
    })
  }
  catch (err) {
    const e = err as { message?: string, lines?: number }
    return { line: e.lines ?? 0, column: null, reason: `malformed CSV: ${e.message ?? 'parse error'}` }
  }
  return null
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10)
      line++
  }
  return line
}

/** Maps a header row to column positions, reporting missing and duplicated required columns. */
export function mapHeader<K extends string>(header: string[], required: readonly K[]): { index: Record<K, number>, extra: Array<[string, number]> } | RowError {
  const names = header.map(h => h.trim().toLowerCase())
  const missing = required.filter(r => !names.includes(r))
  if (missing.length)
    return { line: 1, column: missing[0]!, reason: `missing column(s) ${missing.join(', ')}; the header must contain ${required.join(',')}` }
  const dup = names.find((n, i) => n && names.indexOf(n) !== i)
  if (dup)
    return { line: 1, column: dup, reason: `column "${dup}" appears twice in the header` }
  const index = Object.fromEntries(required.map(r => [r, names.indexOf(r)])) as Record<K, number>
  const extra = names.flatMap((n, i) => (required as readonly string[]).includes(n) || !n ? [] : [[header[i]!.trim(), i] as [string, number]])
  return { index, extra }
}
