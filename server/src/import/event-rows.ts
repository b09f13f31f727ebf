import type { Catalog } from '../domain/catalog.ts'
import type { InputCrs } from './coords.ts'
import type { CsvRecord } from './csv-input.ts'
import type { RowError } from './row-error.ts'
import { checkCoordinates, toWgs84 } from './coords.ts'
import { mapHeader } from './csv-input.ts'
import { parseOccurredAt } from './time.ts'

export const eventColumns = ['id', 'indicator', 'occurred_at', 'lon', 'lat'] as const
const MAX_ID_LENGTH = 200
const MAX_ATTR_LENGTH = 2000

/** Validated events held column-wise, ready to be bound as arrays in one INSERT … unnest. */
export interface StagedEvents {
  line: number[]
  sourceId: string[]
  indicator: string[]
  occurredMs: number[]
  lon: number[]
  lat: number[]
  inputLon: number[]
  inputLat: number[]
  attrs: Array<string | null>
}

export function emptyStage(): StagedEvents {
  return { line: [], sourceId: [], indicator: [], occurredMs: [], lon: [], lat: [], inputLon: [], inputLat: [], attrs: [] }
}

/**
 * Checks each events-CSV row on its own (codes, times, numbers, coordinates, duplicate ids in
 * the file). What needs the database (township, ids already stored) is checked afterwards in SQL.
 * Runs once per row of million-row files, so it allocates as little as it can per row.
 */
export function createEventRowValidator(catalog: Catalog, crs: InputCrs) {
  let header: { index: Record<(typeof eventColumns)[number], number>, extra: Array<[string, number]>, length: number } | RowError | undefined
  const seenIds = new Map<string, number>()
  const stage = emptyStage()
  const errors: RowError[] = []
  let rows = 0

  function accept(rec: CsvRecord): void {
    if (!header) {
      const mapped = mapHeader(rec.fields, eventColumns)
      header = 'reason' in mapped ? mapped : { ...mapped, length: rec.fields.length }
      if ('reason' in header)
        errors.push(header)
      return
    }
    if ('reason' in header)
      return
    rows++
    const { index, extra } = header
    const f = rec.fields
    const line = rec.line
    const before = errors.length

    const id = f[index.id] ?? ''
    if (!id)
      errors.push({ line, column: 'id', reason: 'id is empty' })
    else if (id.length > MAX_ID_LENGTH)
      errors.push({ line, column: 'id', reason: `id is longer than ${MAX_ID_LENGTH} characters` })
    else if (seenIds.has(id))
      errors.push({ line, column: 'id', reason: `duplicate id "${id}" (first seen on line ${seenIds.get(id)})` })
    else
      seenIds.set(id, line)

    const indicator = f[index.indicator] ?? ''
    if (!catalog.isSubclass(indicator)) {
      errors.push({
        line,
        column: 'indicator',
        reason: catalog.has(indicator)
          ? `indicator "${indicator}" is a category or class; events need a sub-class code`
          : `unknown sub-class "${clip(indicator)}"`,
      })
    }

    const time = parseOccurredAt(f[index.occurred_at] ?? '')
    if (!time.ok)
      errors.push({ line, column: 'occurred_at', reason: time.reason })

    const lonText = f[index.lon] ?? ''
    const latText = f[index.lat] ?? ''
    const lon = parseNumber(lonText)
    const lat = parseNumber(latText)
    if (lon === null)
      errors.push({ line, column: 'lon', reason: `unparseable number "${clip(lonText)}"` })
    if (lat === null)
      errors.push({ line, column: 'lat', reason: `unparseable number "${clip(latText)}"` })
    if (lon !== null && lat !== null) {
      const check = checkCoordinates(lon, lat)
      if (!check.ok)
        errors.push({ line, column: check.column, reason: check.reason, ...(check.hint ? { hint: check.hint } : {}) })
    }
    if (f.length > header.length)
      errors.push({ line, column: null, reason: `row has ${f.length} fields but the header has ${header.length}` })

    let attrs: string | null = null
    if (extra.length) {
      const values: Record<string, string> = {}
      for (const [name, i] of extra) {
        const v = f[i] ?? ''
        if (v.length > MAX_ATTR_LENGTH)
          errors.push({ line, column: name, reason: `value is longer than ${MAX_ATTR_LENGTH} characters` })
        else if (v !== '')
          values[name] = v
      }
      attrs = JSON.stringify(values)
    }

    if (errors.length > before || !time.ok || lon === null || lat === null)
      return
    const [x, y] = toWgs84(lon, lat, crs)
    stage.line.push(line)
    stage.sourceId.push(id)
    stage.indicator.push(indicator)
    stage.occurredMs.push(time.ms)
    stage.lon.push(x)
    stage.lat.push(y)
    stage.inputLon.push(lon)
    stage.inputLat.push(lat)
    stage.attrs.push(attrs)
  }

  return {
    accept,
    result: () => ({ stage, errors, rows, headerSeen: header !== undefined }),
  }
}

const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** A decimal number in plain notation; rejects '', 'NaN', 'Infinity', hex and thousands separators. */
export function parseNumber(text: string): number | null {
  if (!plainNumber.test(text))
    return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

export function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}
