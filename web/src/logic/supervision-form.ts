import type { SupervisionCreate, SupervisionListing, SupervisionPatch } from '../api/supervision-api.ts'
import { ApiError } from '../api/client.ts'

/** The create form as the user fills it in: text everywhere, numbers parsed on submit. */
export interface SupervisionDraft {
  region: string
  reason: string
  unit: string
  plan: string
  deadline: string
  indicator: string
  thresholdKind: 'count' | 'per10k'
  threshold: string
  monthsRequired: string
}

export function emptyDraft(region = ''): SupervisionDraft {
  return { region, reason: '', unit: '', plan: '', deadline: '', indicator: 'all', thresholdKind: 'count', threshold: '', monthsRequired: '3' }
}

export type DraftProblem = 'region' | 'reason' | 'unit' | 'deadline' | 'threshold' | 'monthsRequired'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The body to send, or the fields that are not filled in correctly. The server checks everything
 * again (scope, the catalog, the date being real); this only spares a round trip for the obvious.
 */
export function draftBody(d: SupervisionDraft): { ok: true, body: SupervisionCreate } | { ok: false, problems: DraftProblem[] } {
  const problems: DraftProblem[] = []
  const threshold = d.threshold.trim() === '' ? Number.NaN : Number(d.threshold)
  const months = Number(d.monthsRequired)
  if (!/^\d{6}(?:\d{6})?$/.test(d.region))
    problems.push('region')
  if (!d.reason.trim())
    problems.push('reason')
  if (!d.unit.trim())
    problems.push('unit')
  if (!DAY.test(d.deadline))
    problems.push('deadline')
  if (!Number.isFinite(threshold) || threshold < 0)
    problems.push('threshold')
  if (!Number.isInteger(months) || months < 1 || months > 24)
    problems.push('monthsRequired')
  if (problems.length)
    return { ok: false, problems }
  return {
    ok: true,
    body: {
      region: d.region,
      reason: d.reason.trim(),
      unit: d.unit.trim(),
      plan: d.plan,
      deadline: d.deadline,
      indicator: d.indicator,
      thresholdKind: d.thresholdKind,
      threshold,
      monthsRequired: months,
    },
  }
}

/** The fields the edit form may change (the region and the status never change by an edit). */
const EDITABLE = ['reason', 'unit', 'plan', 'deadline', 'indicator', 'thresholdKind', 'threshold', 'monthsRequired'] as const

/** The edit form filled in from a listing as it was read. */
export function draftOf(l: Pick<SupervisionListing, 'region' | 'reason' | 'unit' | 'plan' | 'deadline' | 'indicator' | 'thresholdKind' | 'threshold' | 'monthsRequired'>): SupervisionDraft {
  return {
    region: l.region,
    reason: l.reason,
    unit: l.unit,
    plan: l.plan,
    deadline: l.deadline,
    indicator: l.indicator,
    thresholdKind: l.thresholdKind,
    threshold: String(l.threshold),
    monthsRequired: String(l.monthsRequired),
  }
}

/**
 * The PATCH body for an edit: only the fields that differ from the listing as read, with the
 * version it was read at (the server answers 409 if someone changed it since). `changed` is
 * false when nothing differs, and then there is nothing to send.
 */
export function editBody(d: SupervisionDraft, l: Pick<SupervisionListing, 'region' | 'reason' | 'unit' | 'plan' | 'deadline' | 'indicator' | 'thresholdKind' | 'threshold' | 'monthsRequired' | 'version'>):
  { ok: true, changed: boolean, body: SupervisionPatch } | { ok: false, problems: DraftProblem[] } {
  const checked = draftBody({ ...d, region: l.region })
  if (!checked.ok)
    return { ok: false, problems: checked.problems }
  const body: Record<string, unknown> = {}
  for (const k of EDITABLE) {
    if (checked.body[k] !== l[k])
      body[k] = checked.body[k]
  }
  return { ok: true, changed: Object.keys(body).length > 0, body: { ...body, version: l.version } as SupervisionPatch }
}

/** How a failed save reads: any 409 (stale version, or closed meanwhile) asks for a reload; else the server's words. */
export function editFailure(err: unknown): { conflict: true } | { conflict: false, message: string } {
  if (err instanceof ApiError && err.status === 409)
    return { conflict: true }
  return { conflict: false, message: err instanceof ApiError ? err.message || err.code : String(err) }
}

const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })

/** An instant as 'YYYY-MM-DD HH:MM' in Asia/Shanghai, the zone every date of the product is in. */
export function shanghaiDateTime(iso: string): string {
  const t = new Date(iso)
  return Number.isNaN(t.getTime()) ? iso : shanghai.format(t)
}

/** What the badge of a listing says: closed, overdue with a summons (约谈), or listed. */
export function listingBadge(l: { status: 'listed' | 'closed', overdue: boolean, summons: boolean }): 'closed' | 'summons' | 'listed' {
  if (l.status === 'closed')
    return 'closed'
  return l.summons || l.overdue ? 'summons' : 'listed'
}
