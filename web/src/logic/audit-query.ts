import type { RawQuery } from './url-state.ts'

/** Audit log filters; they live in the URL query so a filtered view can be shared. */
export interface AuditFilters { actor: string, action: string, entity: string, from: string, to: string }

export const EMPTY_AUDIT_FILTERS: Readonly<AuditFilters> = { actor: '', action: '', entity: '', from: '', to: '' }

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/
const KEYS = ['actor', 'action', 'entity', 'from', 'to'] as const

function text(value: RawQuery[string]): string {
  const v = Array.isArray(value) ? value[0] : value
  // The server accepts at most 100 characters per filter.
  return typeof v === 'string' ? v.trim().slice(0, 100) : ''
}

/** Read filters from a route query; malformed dates are dropped rather than sent. */
export function parseAuditQuery(query: RawQuery): AuditFilters {
  const from = text(query.from)
  const to = text(query.to)
  return {
    actor: text(query.actor),
    action: text(query.action),
    entity: text(query.entity),
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
  }
}

/** Only the filters that are set, in a stable order. */
export function serializeAuditQuery(filters: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of KEYS) {
    const value = filters[key].trim()
    if (value)
      out[key] = value
  }
  return out
}

/** The request parameters for one page: the filters plus `limit`, and `before` after the first page. */
export function auditPageParams(filters: AuditFilters, before: number | null, limit = 50): Record<string, string> {
  const params = { ...serializeAuditQuery(filters), limit: String(limit) }
  return before === null ? params : { ...params, before: String(before) }
}

/** Before/after snapshots, pretty-printed; strings that hold JSON are unpacked first. */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined)
    return '—'
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2)
    }
    catch {
      return value
    }
  }
  return JSON.stringify(value, null, 2)
}
