import type { InputCrs } from '../import/coords.ts'
import type { TransactionRunner } from '../import/import-context.ts'
import type { RowError } from '../import/row-error.ts'
import type { UnitColumns } from '../queries/response-units.ts'
import { checkCoordinates, toWgs84 } from '../import/coords.ts'
import { decodeCsv, mapHeader, readCsv } from '../import/csv-input.ts'
import { clip, parseNumber } from '../import/event-rows.ts'
import { ImportRejected, sortErrors } from '../import/row-error.ts'
import { announceImport } from '../live/announce.ts'
import { appendAudit } from '../queries/audit.ts'
import { insertUnits, townshipsAt } from '../queries/response-units.ts'
import { parseDutyText } from './duty.ts'
import { unitTypeLabels, unitTypeOf, unitTypes } from './unit-types.ts'

const required = ['name', 'type', 'lon', 'lat'] as const
const optional = ['staff', 'duty', 'contact'] as const
export const unitCsvColumns = [...required, ...optional]

export interface UnitImportContext { actor: string, scope: string, requestId: string | null, filename: string | null }

export interface UnitImportResult {
  kind: 'response-units'
  rowsRead: number
  inserted: number
  ids: number[]
  encoding: 'utf-8' | 'gb18030'
}

/**
 * Imports response units from a CSV (name,type,lon,lat[,staff,duty,contact]) all-or-nothing, with
 * the events importer's decoding, row errors and coordinate checks. Each unit's township is found
 * under the importer's scope, so a point outside it is "outside every loaded township".
 */
export async function importUnitsCsv(tx: TransactionRunner, bytes: Uint8Array, crs: InputCrs, ctx: UnitImportContext): Promise<UnitImportResult> {
  const { text, encoding } = decodeCsv(bytes)
  const errors: RowError[] = []
  const stage: UnitColumns & { line: number[] } = { line: [], name: [], type: [], staff: [], duty: [], contact: [], lon: [], lat: [], region: [] }
  const seen = new Map<string, number>()
  let header: { index: Record<string, number>, length: number } | undefined
  let headerFailed = false
  let rows = 0

  const fatal = readCsv(text, (rec) => {
    if (!header && !headerFailed) {
      const mapped = mapHeader(rec.fields, required)
      const unknown = 'reason' in mapped ? [] : mapped.extra.filter(([n]) => !(optional as readonly string[]).includes(n.toLowerCase()))
      if ('reason' in mapped || unknown.length) {
        headerFailed = true
        errors.push('reason' in mapped ? mapped : { line: 1, column: unknown[0]![0], reason: `unknown column(s) ${unknown.map(([n]) => `"${clip(n)}"`).join(', ')}; the columns are ${unitCsvColumns.join(', ')}` })
        return
      }
      header = { index: { ...mapped.index, ...Object.fromEntries(mapped.extra.map(([n, i]) => [n.toLowerCase(), i])) }, length: rec.fields.length }
      return
    }
    if (!header)
      return
    rows++
    const line = rec.line
    const f = (k: string) => header!.index[k] === undefined ? '' : rec.fields[header!.index[k]!] ?? ''
    const bad = (column: string | null, reason: string, hint?: string) => errors.push({ line, column, reason, ...(hint ? { hint } : {}) })
    const before = errors.length

    const name = f('name')
    if (!name)
      bad('name', 'name is empty')
    else if (name.length > 200)
      bad('name', 'name is longer than 200 characters')
    const type = unitTypeOf(f('type'))
    if (!type)
      bad('type', `unknown unit type "${clip(f('type'))}"; expected one of ${unitTypes.map(t => `${t} (${unitTypeLabels[t]})`).join(', ')}`)
    const staffText = f('staff')
    const staff = staffText === '' ? 0 : parseNumber(staffText)
    if (staff === null || !Number.isInteger(staff) || staff < 0 || staff > 100_000)
      bad('staff', `staff "${clip(staffText)}" is not a whole number from 0 to 100000`)
    const duty = parseDutyText(f('duty'))
    if (!duty.ok)
      bad('duty', duty.reason)
    const contact = f('contact')
    if (contact.length > 200)
      bad('contact', 'contact is longer than 200 characters')
    const [lonText, latText] = [f('lon'), f('lat')]
    const [lon, lat] = [parseNumber(lonText), parseNumber(latText)]
    if (lon === null)
      bad('lon', `unparseable number "${clip(lonText)}"`)
    if (lat === null)
      bad('lat', `unparseable number "${clip(latText)}"`)
    const check = lon !== null && lat !== null ? checkCoordinates(lon, lat) : null
    if (check && !check.ok)
      bad(check.column, check.reason, check.hint)
    if (rec.fields.length > header.length)
      bad(null, `row has ${rec.fields.length} fields but the header has ${header.length}`)
    const key = `${name}|${lonText}|${latText}`
    if (errors.length === before && seen.has(key))
      bad('name', `duplicate of line ${seen.get(key)} (same name and position)`)
    if (errors.length > before || lon === null || lat === null || !duty.ok)
      return
    seen.set(key, line)
    const [x, y] = toWgs84(lon, lat, crs)
    stage.line.push(line)
    stage.name.push(name)
    stage.type.push(type!)
    stage.staff.push(staff!)
    stage.duty.push(duty.windows)
    stage.contact.push(contact)
    stage.lon.push(x)
    stage.lat.push(y)
  })
  if (fatal)
    errors.push(fatal)
  if (!header && !headerFailed)
    errors.push({ line: 1, column: null, reason: `the file is empty: expected a header ${unitCsvColumns.join(',')}` })
  else if (header && rows === 0 && !errors.length)
    errors.push({ line: 2, column: null, reason: 'the file has a header but no rows' })

  const result = await tx(async (client) => {
    const q = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows }
    const townships = stage.line.length ? await townshipsAt(q, stage.lon, stage.lat) : []
    townships.forEach((t, i) => {
      if (t === null)
        errors.push({ line: stage.line[i]!, column: 'lon', reason: `point (${stage.lon[i]}, ${stage.lat[i]}) lies outside every loaded township${ctx.scope === '*' ? '' : ` of your region scope ${ctx.scope}`}`, hint: 'check the coordinates; for AMap/Tencent or Baidu coordinates use crs=gcj02 or crs=bd09' })
    })
    if (errors.length)
      throw new ImportRejected(sortErrors(errors), rows)
    stage.region = townships as string[]
    const ids = await insertUnits(q, stage, ctx.actor)
    await appendAudit(client, {
      actor: ctx.actor,
      action: 'import.response_units',
      entity: 'response_unit',
      entityId: null,
      before: null,
      after: { filename: ctx.filename, encoding, crs, inserted: ids.length, ids },
      requestId: ctx.requestId,
      scope: ctx.scope,
    })
    return { kind: 'response-units' as const, rowsRead: rows, inserted: ids.length, ids, encoding }
  })
  // After the commit, so that no wall refetches before the data is there.
  await announceImport(tx, result)
  return result
}
