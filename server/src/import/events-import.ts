import type { Catalog } from '../domain/catalog.ts'
import type { InputCrs } from './coords.ts'
import type { ImportContext, ImportResult, TransactionRunner } from './import-context.ts'
import type { RowError } from './row-error.ts'
import { announceImport } from '../live/announce.ts'
import { appendAudit } from '../queries/audit.ts'
import { addImportHexCounts } from '../queries/hex-bins.ts'
import { assignTownships, findStageProblems, insertStagedEvents, stageEvents } from '../queries/import-events.ts'
import { createImportBatch, finishImportBatch } from '../queries/imports.ts'
import { refreshRollup } from '../queries/rollup.ts'
import { evaluateAfterImport } from '../warnings/service.ts'
import { decodeCsv, readCsv } from './csv-input.ts'
import { createEventRowValidator } from './event-rows.ts'
import { ImportRejected, sortErrors } from './row-error.ts'

/**
 * Imports an events CSV all-or-nothing: every row is checked, in JS and then in SQL inside one
 * transaction; if any row is bad the transaction is rolled back and every bad row is reported.
 */
export async function importEventsCsv(tx: TransactionRunner, catalog: Catalog, bytes: Uint8Array, crs: InputCrs, ctx: ImportContext & { synthetic?: boolean }): Promise<ImportResult> {
  const { text, encoding } = decodeCsv(bytes)
  const validator = createEventRowValidator(catalog, crs)
  let parsed = 0
  const fatal = readCsv(text, (rec) => {
    validator.accept(rec)
    if (++parsed % 50_000 === 0)
      ctx.onProgress?.('parse', parsed)
  })
  const { stage, errors, rows, headerSeen } = validator.result()
  if (fatal)
    errors.push(fatal)
  if (!headerSeen)
    errors.push({ line: 1, column: null, reason: 'the file is empty: expected a header id,indicator,occurred_at,lon,lat' })
  if (headerSeen && rows === 0 && !errors.length)
    errors.push({ line: 2, column: null, reason: 'the file has a header but no rows' })
  ctx.onProgress?.('parse', parsed, parsed)

  const result = await tx(async (client) => {
    const problems: RowError[] = [...errors]
    if (stage.line.length) {
      await stageEvents(client, stage, done => ctx.onProgress?.('stage', done, stage.line.length))
      await assignTownships(client)
      ctx.onProgress?.('check', 0)
      for (const p of await findStageProblems(client, ctx.source)) {
        if (p.kind === 'duplicate')
          problems.push({ line: p.line, column: 'id', reason: `id "${p.sourceId}" was already imported from source "${ctx.source}"` })
        else if (p.kind === 'swapped')
          problems.push({ line: p.line, column: 'lon', reason: `point (${p.lon}, ${p.lat}) lies outside every loaded township, but (${p.lat}, ${p.lon}) lies inside one: latitude and longitude appear swapped`, hint: `swap the columns: lon=${p.lat}, lat=${p.lon}` })
        else
          problems.push({ line: p.line, column: 'lon', reason: `point (${p.lon}, ${p.lat}) lies outside every loaded township`, hint: crs === 'wgs84' ? 'if the points come from AMap/Tencent (GCJ-02) or Baidu (BD-09), import with crs=gcj02 or crs=bd09' : undefined })
      }
    }
    if (problems.length)
      throw new ImportRejected(sortErrors(problems.map(stripUndefined)), rows)

    const importId = await createImportBatch(client, { kind: ctx.synthetic ? 'demo' : 'events', source: ctx.source, filename: ctx.filename, inputCrs: crs, actor: ctx.actor, scope: ctx.scope, synthetic: ctx.synthetic ?? false })
    const { inserted, months } = await insertStagedEvents(client, ctx.source, crs, importId)
    ctx.onProgress?.('write', inserted)
    await refreshRollup(client, months)
    await addImportHexCounts(client, importId, months)
    await finishImportBatch(client, importId, inserted, 0)
    await appendAudit(client, {
      actor: ctx.actor,
      action: 'import.events',
      entity: 'import_batch',
      entityId: String(importId),
      before: null,
      after: { source: ctx.source, filename: ctx.filename, crs, encoding, inserted, months: months.map(m => m.slice(0, 7)) },
      requestId: ctx.requestId,
      scope: ctx.scope,
    })
    return { kind: 'events' as const, importId, rowsRead: rows, inserted, updated: 0, months: months.map(m => m.slice(0, 7)), encoding }
  })
  // After the commit, so that no wall refetches before the data is there.
  await announceImport(tx, result)
  // Early warnings for the months it touched, in their own transaction (a failure is only logged).
  await evaluateAfterImport(tx, catalog, result.months, { actor: ctx.actor, scope: ctx.scope, requestId: ctx.requestId })
  return result
}

function stripUndefined(e: RowError): RowError {
  return e.hint === undefined ? { line: e.line, column: e.column, reason: e.reason } : e
}
