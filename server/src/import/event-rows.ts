import type { Catalog } from '../domain/catalog.ts'
import type { CsvRecord } from './csv-input.ts'
import type { InputCrs } from './coords.ts'
import type { RowError } from './row-error.ts'
import { checkCoordinates, toWgs84 } from './coords.ts'
import { mapHeader } from './csv-input.ts'
import { parseOccurredAt, shanghaiMonthStart } from './time.ts'

export const eventColumns = ['id', 'indicator', 'occurred_at', 'lon', 'lat'] as const
const MAX_ID_LENGTH = 200
const MAX_ATTR_LENGTH = 2000

/** Validated events held column-wise, ready to be bound as arrays in one INSERT … unnest. */
export interface StagedEvents {
  line: number[]
  sourceId: string[]
  indicator: string[]
  occurredAt: string[]
  month: string[]
  lon: number[]
  lat: number[]
  inputLon: number[]
  inputLat: number[]
  attrs: string[]
}

export function emptyStage(): StagedEvents {
  return { line: [], sourceId: [], indicator: [], occurredAt: [], month: [], lon: [], lat: [], inputLon: [], inputLat: [], attrs: [] }
}

/**
 * Checks each events-CSV row on its own (codes, times, numbers, coordinates, duplicate ids in
 * the file). What needs the database (township, ids already stored) is checked afterwards in SQL.
 */
export function createEventRowValidator(catalog: Catalog, crs: InputCrs) {
  let columns: ReturnType<typeof mapHeader<(typeof eventColumns)[number]>> | undefined
  const seenIds = new Map<string, number>()
  const stage = emptyStage()
  const errors: RowError[] = []
  let rows = 0
  let headerLength = 0

  function accept(rec: CsvRecord): void {
    if (!columns) {
      columns = mapHeader(rec.fields, eventColumns)
      headerLength = rec.fields.length
      if ('reason' in columns)
        errors.push(columns)
      return
    }
    if ('reason' in columns)
      return
    rows++
    const { index, extra } = columns
    const field = (k: (typeof eventColumns)[number]) => rec.fields[index[k]] ?? ''
    const rowErrors: RowError[] = []
    const fail = (column: string | null, reason: string, hint?: string) =>
      rowErrors.push({ line: rec.line, column, reason, ...(hint ? { hint } : {}) })

    const id = field('id')
    if (!id)
      fail('id', 'id is empty')
    else if (id.length > MAX_ID_LENGTH)
      fail('id', `id is longer than ${MAX_ID_LENGTH} characters`)
    else if (seenIds.has(id))
      fail('id', `duplicate id "${id}" (first seen on line ${seenIds.get(id)})`)
    else
      seenIds.set(id, rec.line)

    const indicator = field('indicator')
    if (!catalog.isSubclass(indicator)) {
      fail('indicator', catalog.has(indicator)
        ? `indicator "${indicator}" is a category or class; events need a sub-class code`
        : `unknown sub-class "${clip(indicator)}"`)
    }

    const time = parseOccurredAt(field('occurred_at'))
    if (!time.ok)
      fail('occurred_at', time.reason)

    const lon = parseNumber(field('lon'))
    const lat = parseNumber(field('lat'))
    if (lon === null)
      fail('lon', `unparseable number "${clip(field('lon'))}"`)
    if (lat === null)
      fail('lat', `unparseable number "${clip(field('lat'))}"`)
    if (lon !== null && lat !== null) {
      const check = checkCoordinates(lon, lat)
      if (!check.ok)
        fail(check.column, check.reason, check.hint)
    }
    if (rec.fields.length > headerLength)
      fail(null, `row has ${rec.fields.length} fields but the header has ${headerLength}`)
    const attrs: Record<string, string> = {}
    for (const [name, i] of extra) {
      const v = rec.fields[i] ?? ''
      if (v.length > MAX_ATTR_LENGTH)
        fail(name, `value is longer than ${MAX_ATTR_LENGTH} characters`)
      else if (v !== '')
        attrs[name] = v
    }

    if (rowErrors.length || !time.ok || lon === null || lat === null) {
      errors.push(...rowErrors)
      return
    }
    const [x, y] = toWgs84(lon, lat, crs)
    stage.line.push(rec.line)
    stage.sourceId.push(id)
    stage.indicator.push(indicator)
    stage.occurredAt.push(new Date(time.ms).toISOString())
    stage.month.push(shanghaiMonthStart(time.ms))
    stage.lon.push(x)
    stage.lat.push(y)
    stage.inputLon.push(lon)
    stage.inputLat.push(lat)
    stage.attrs.push(JSON.stringify(attrs))
  }

  return {
    accept,
    result: () => ({ stage, errors, rows, headerSeen: columns !== undefined }),
  }
}

/** A decimal number in plain notation; rejects '', 'NaN', 'Infinity', hex and thousands separators. */
export function parseNumber(text: string): number | null {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text.trim()))
    return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

export function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}
