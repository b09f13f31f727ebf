import { EventEmitter } from 'node:events'

/** What an import announces once its transaction has committed (the SSE `import` message). */
export interface ImportAnnouncement {
  kind: 'events' | 'values' | 'response-units'
  /** The import_batch id; null for response units, which have no batch. */
  importId: number | null
  rows: number
  months: string[]
  /** Regions whose data changed: the townships of imported events or units, the regions of values. */
  regions: string[]
  at: string
}

/** A new early warning, announced once the transaction that raised it has committed (SSE `warning`). */
export interface WarningAnnouncement {
  id: number
  severity: 'notice' | 'warning'
  region: string
  regionName: string
  indicator: string
  indicatorName: { zh: string, en: string }
  message: { zh: string, en: string }
  /** 'YYYY-MM' the warning is about. */
  period: string
  at: string
}

/**
 * The in-process bus between the import pipeline and the open event streams. It is one process
 * wide: imports run by the CLI (another process) or by another server instance are not heard.
 * Several instances would relay through PostgreSQL LISTEN/NOTIFY (see docs/wall-display.md).
 */
export class LiveBus {
  private readonly emitter = new EventEmitter()
  /** The highest import id announced since start-up. */
  latestImportId = 0

  constructor() {
    // One listener per open wall: there is no fixed ceiling, and the test counts them instead.
    this.emitter.setMaxListeners(0)
  }

  /** Raises the data version heartbeats carry, even when an announcement could not be made. */
  noteImportId(id: number): void {
    this.latestImportId = Math.max(this.latestImportId, id)
  }

  publishImport(a: ImportAnnouncement): void {
    if (a.importId !== null)
      this.noteImportId(a.importId)
    this.emitter.emit('import', a)
  }

  /** Calls fn for every announcement until the returned function is called. */
  onImport(fn: (a: ImportAnnouncement) => void): () => void {
    this.emitter.on('import', fn)
    return () => this.emitter.off('import', fn)
  }

  publishWarning(w: WarningAnnouncement): void {
    this.emitter.emit('warning', w)
  }

  /** Calls fn for every new warning until the returned function is called. */
  onWarning(fn: (w: WarningAnnouncement) => void): () => void {
    this.emitter.on('warning', fn)
    return () => this.emitter.off('warning', fn)
  }

  listenerCount(): number {
    return this.emitter.listenerCount('import')
  }
}

export const liveBus = new LiveBus()
