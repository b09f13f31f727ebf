/** Who asked for an import and how to report its progress. */
export interface ImportContext {
  actor: string
  requestId: string | null
  source: string
  filename: string | null
  onProgress?: (phase: 'parse' | 'stage' | 'check' | 'write', done: number, total?: number) => void
}

export interface ImportResult {
  kind: 'events' | 'values'
  importId: number
  rowsRead: number
  inserted: number
  updated: number
  months: string[]
  encoding: 'utf-8' | 'gb18030'
}

export const sourcePattern = /^[\w.-]{1,64}$/
