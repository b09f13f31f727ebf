import type { Catalog } from '../domain/catalog.ts'
import type { StagedValues } from '../queries/import-values.ts'
import type { ImportContext, ImportResult, TransactionRunner } from './import-context.ts'
import type { RowError } from './row-error.ts'
import { announceImport } from '../live/announce.ts'
import { appendAudit } from '../queries/audit.ts'
import { knownRegionCodes, upsertValues } from '../queries/import-values.ts'
import { createImportBatch, finishImportBatch } from '../queries/imports.ts'
import { refreshRollup } from '../queries/rollup.ts'
import { evaluateAfterImport } from '../warnings/service.ts'
import { decodeCsv, mapHeader, readCsv } from './csv-input.ts'
import { clip, parseNumber } from './event-rows.ts'
import { ImportRejected, sortErrors } from './row-error.ts'

const valueColumns = ['region', 'indicator', 'month', 'value'] as const
const monthPattern = /^(\d{4})-(\d{2})$/

/** Imports a values CSV (region,indicator,month,value) all-or-nothing. */
export async function importValuesCsv(tx: TransactionRunner, catalog: Catalog, bytes: Uint8Array, ctx: ImportContext & { synthetic?: boolean }): Promise<ImportResult> {
  const { text, encoding } = decodeCsv(bytes)
  const errors: RowError[] = []
  const staged: StagedValues = { line: [], region: [], indicator: [], month: [], value: [] }
  const seen = new Map<string, number>()
  let header: ReturnType<typeof mapHeader<(typeof valueColumns)[number]>> | undefined
  let rows = 0
  const fatal = readCsv(text, (rec) => {
    if (!header) {
      header = mapHeader(rec.fields, valueColumns)
      if ('reason' in header)
        errors.push(header)
      return
    }
    if ('reason' in header)
      return
    rows++
    const { index } = header
    const f = (k: (typeof valueColumns)[number]) => rec.fields[index[k]] ?? ''
    const bad = (column: string, reason: string) => errors.push({ line: rec.line, column, reason })
    const before = errors.length
    const region = f('region')
    if (!/^\d{6}$|^\d{12}$/.test(region))
      bad('region', `region code "${clip(region)}" is not a 6-digit county or 12-digit township code`)
    const indicator = f('indicator')
    if (!catalog.isSubclass(indicator))
      bad('indicator', catalog.has(indicator) ? `indicator "${indicator}" is a category or class; values need a sub-class code` : `unknown sub-class "${clip(indicator)}"`)
    const m = monthPattern.exec(f('month'))
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 1970 || Number(m[1]) > 2100)
      bad('month', `unparseable month "${clip(f('month'))}": expected YYYY-MM`)
    const value = parseNumber(f('value'))
    if (value === null)
      bad('value', `unparseable number "${clip(f('value'))}"`)
    else if (value < 0)
      bad('value', `value ${value} is negative`)
    const key = `${region}|${indicator}|${f('month')}`
    if (errors.length === before && seen.has(key))
      bad('region', `duplicate of line ${seen.get(key)} (same region, indicator and month)`)
    if (errors.length > before)
      return
    seen.set(key, rec.line)
    staged.line.push(rec.line)
    staged.region.push(region)
    staged.indicator.push(indicator)
    staged.month.push(`${f('month')}-01`)
    staged.value.push(value!)
  })
  if (fatal)
    errors.push(fatal)
  if (!header)
    errors.push({ line: 1, column: null, reason: 'the file is empty: expected a header region,indicator,month,value' })
  else if (rows === 0 && !errors.length)
    errors.push({ line: 2, column: null, reason: 'the file has a header but no rows' })

  const result = await tx(async (client) => {
    const known = await knownRegionCodes(client, [...new Set(staged.region)])
    staged.region.forEach((code, i) => {
      if (!known.has(code))
        errors.push({ line: staged.line[i]!, column: 'region', reason: `unknown region "${code}"` })
    })
    if (errors.length)
      throw new ImportRejected(sortErrors(errors), rows)
    const importId = await createImportBatch(client, { kind: ctx.synthetic ? 'demo' : 'values', source: ctx.source, filename: ctx.filename, inputCrs: null, actor: ctx.actor, scope: ctx.scope, synthetic: ctx.synthetic ?? false })
    const { inserted, updated, months } = await upsertValues(client, staged, importId)
    await refreshRollup(client, months)
    await finishImportBatch(client, importId, inserted, updated)
    await appendAudit(client, {
      actor: ctx.actor,
      action: 'import.values',
      entity: 'import_batch',
      entityId: String(importId),
      before: null,
      after: { source: ctx.source, filename: ctx.filename, encoding, inserted, updated, months: months.map(x => x.slice(0, 7)) },
      requestId: ctx.requestId,
      scope: ctx.scope,
    })
    return { kind: 'values' as const, importId, rowsRead: rows, inserted, updated, months: months.map(x => x.slice(0, 7)), encoding }
  })
  // After the commit, so that no wall refetches before the data is there.
  await announceImport(tx, result)
  // Early warnings for the months it touched, in their own transaction (a failure is only logged).
  await evaluateAfterImport(tx, catalog, result.months, { actor: ctx.actor, scope: ctx.scope, requestId: ctx.requestId })
  return result
}
