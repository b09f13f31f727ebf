import type { PoolClient } from 'pg'

/** Runs the import's one transaction: scoped for HTTP requests, with the owner's rights for the CLI. */
export type TransactionRunner = <T>(fn: (client: PoolClient) => Promise<T>) => Promise<T>

/** Who asked for an import, in which scope, and how to report its progress. */
export interface ImportContext {
  actor: string
  /** The actor's region scope, recorded with the batch and its audit entry. */
  scope: string
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
