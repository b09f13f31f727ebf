/** One rejected row of an import: where it is and why, in words a data clerk can act on. */
export interface RowError {
  /** 1-based line in the file, counting the header as line 1. */
  line: number
  column: string | null
  reason: string
  hint?: string
}

/** Thrown when an import has bad rows: nothing was written, and every bad row is listed. */
export class ImportRejected extends Error {
  constructor(public readonly errors: RowError[], public readonly rowsRead: number) {
    super(`${errors.length} bad row(s); nothing was imported`)
  }
}

export function sortErrors(errors: RowError[]): RowError[] {
  return errors.sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''))
}
