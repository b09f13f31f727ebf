import type { TransactionRunner } from '../import/import-context.ts'
import { eventImportTownships, unitTownships, valueImportRegions } from '../queries/wall-live.ts'
import { liveBus } from './bus.ts'

type Committed
  = | { kind: 'events' | 'values', importId: number, inserted: number, updated: number, months: string[] }
    | { kind: 'response-units', inserted: number, ids: number[] }

/**
 * Tells the open walls about an import that has committed. The regions it touched are read in a
 * short transaction of their own, after the commit. A failure here must not turn a committed
 * import into an error, so it is logged and swallowed; the walls still refresh on the next
 * heartbeat's data version.
 */
export async function announceImport(tx: TransactionRunner, r: Committed): Promise<void> {
  if (r.kind !== 'response-units')
    liveBus.noteImportId(r.importId)
  try {
    const regions = await tx((client) => {
      if (r.kind === 'response-units')
        return unitTownships(client, r.ids)
      return r.kind === 'events' ? eventImportTownships(client, r.importId, r.months) : valueImportRegions(client, r.importId)
    })
    liveBus.publishImport({
      kind: r.kind,
      importId: r.kind === 'response-units' ? null : r.importId,
      rows: r.kind === 'response-units' ? r.inserted : r.inserted + r.updated,
      months: r.kind === 'response-units' ? [] : r.months,
      regions,
      at: new Date().toISOString(),
    })
  }
  catch (err) {
    console.error('[live] could not announce an import:', err)
  }
}
