import type { ListedStatus } from './listed-lifecycle.ts'
import { isListedStatus } from './listed-lifecycle.ts'

/** The list's filters; the same ones drive the map layer and the CSV/XLSX export. */
export interface ListedFilters {
  status: ListedStatus | ''
  unit: string
  overdue: '' | 'true' | 'false'
}

export const EMPTY_LISTED_FILTERS: Readonly<ListedFilters> = { status: '', unit: '', overdue: '' }

/** The server caps free-text filters; longer input is cut rather than refused. */
const MAX_UNIT = 200

/** Only the filters that are set, as query parameters, in a stable order. */
export function listedQuery(filters: ListedFilters): { status?: ListedStatus, unit?: string, overdue?: 'true' | 'false' } {
  const out: { status?: ListedStatus, unit?: string, overdue?: 'true' | 'false' } = {}
  if (isListedStatus(filters.status))
    out.status = filters.status
  const unit = filters.unit.trim().slice(0, MAX_UNIT)
  if (unit)
    out.unit = unit
  if (filters.overdue === 'true' || filters.overdue === 'false')
    out.overdue = filters.overdue
  return out
}

/** `/api/listed-hotspots/export.<format>?…` for the current filters. */
export function exportUrl(format: 'csv' | 'xlsx', filters: ListedFilters): string {
  const params = new URLSearchParams(listedQuery(filters))
  const qs = params.toString()
  return `/api/listed-hotspots/export.${format}${qs ? `?${qs}` : ''}`
}

/** The file name from a Content-Disposition header (RFC 6266 `filename*` first), else `fallback`. */
export function dispositionFilename(header: string | null, fallback: string): string {
  if (!header)
    return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim())
    }
    catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header)
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim()
  return name || fallback
}
