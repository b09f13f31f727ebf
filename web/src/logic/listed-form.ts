import type { Point, Polygon } from 'geojson'

/** What the form edits; the geometry comes from the drawing tool. */
export interface ListedDraft {
  name: string
  indicators: string[]
  responsibleUnit: string
  listedOn: string
  deadline: string
  measures: string
  attachments: { title: string, url: string }[]
  geometry: Point | Polygon | null
}

export type ListedField = 'name' | 'indicators' | 'responsibleUnit' | 'listedOn' | 'deadline' | 'measures' | 'attachments' | 'geometry'

/** An i18n key under `listed.invalid` and its parameters. */
export interface FieldError { key: string, params?: Record<string, string | number> }

export type DraftErrors = Partial<Record<ListedField, FieldError>>

/** Limits mirrored from the server's schema; the server checks them again and has the last word. */
export const LISTED_LIMITS = { name: 200, unit: 200, measures: 5000, indicators: 20, attachments: 20, title: 200, url: 2000 } as const

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar day as YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m)
    return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Today in Asia/Shanghai, the day the server counts deadlines in. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  }
  catch {
    return false
  }
}

/** Attachment rows the user left entirely empty are dropped, not reported. */
export function filledAttachments(draft: Pick<ListedDraft, 'attachments'>): { title: string, url: string }[] {
  return draft.attachments
    .map(a => ({ title: a.title.trim(), url: a.url.trim() }))
    .filter(a => a.title || a.url)
}

function checkDates(listedOn: string, deadline: string, errors: DraftErrors) {
  if (!listedOn)
    errors.listedOn = { key: 'required' }
  else if (!isIsoDate(listedOn))
    errors.listedOn = { key: 'date' }
  if (!deadline)
    errors.deadline = { key: 'required' }
  else if (!isIsoDate(deadline))
    errors.deadline = { key: 'date' }
  else if (isIsoDate(listedOn) && deadline < listedOn)
    errors.deadline = { key: 'deadlineBeforeListed', params: { listedOn } }
}

function checkAttachments(draft: ListedDraft, errors: DraftErrors) {
  const rows = filledAttachments(draft)
  if (rows.length > LISTED_LIMITS.attachments)
    errors.attachments = { key: 'tooMany', params: { max: LISTED_LIMITS.attachments } }
  const bad = rows.findIndex(a => !a.title || a.title.length > LISTED_LIMITS.title || a.url.length > LISTED_LIMITS.url || !isHttpUrl(a.url))
  if (bad >= 0)
    errors.attachments = { key: rows[bad]!.title ? 'attachmentUrl' : 'attachmentTitle', params: { row: bad + 1 } }
}

/**
 * Check a draft the way the server will. `subclasses` is the set of indicator sub-class codes
 * from the catalogue; an empty set (catalogue not loaded) skips that check. An edit keeps the
 * saved geometry (`geometryKept`) unless a new one was drawn.
 */
export function validateDraft(draft: ListedDraft, subclasses: ReadonlySet<string>, opts: { geometryKept?: boolean } = {}): DraftErrors {
  const errors: DraftErrors = {}
  const name = draft.name.trim()
  if (!name)
    errors.name = { key: 'required' }
  else if (name.length > LISTED_LIMITS.name)
    errors.name = { key: 'tooLong', params: { max: LISTED_LIMITS.name } }
  if (draft.indicators.length === 0) {
    errors.indicators = { key: 'indicatorRequired' }
  }
  else if (draft.indicators.length > LISTED_LIMITS.indicators) {
    errors.indicators = { key: 'tooMany', params: { max: LISTED_LIMITS.indicators } }
  }
  else if (subclasses.size > 0) {
    const unknown = draft.indicators.find(code => !subclasses.has(code))
    if (unknown)
      errors.indicators = { key: 'unknownIndicator', params: { code: unknown } }
  }
  const unit = draft.responsibleUnit.trim()
  if (!unit)
    errors.responsibleUnit = { key: 'required' }
  else if (unit.length > LISTED_LIMITS.unit)
    errors.responsibleUnit = { key: 'tooLong', params: { max: LISTED_LIMITS.unit } }
  checkDates(draft.listedOn, draft.deadline, errors)
  if (draft.measures.length > LISTED_LIMITS.measures)
    errors.measures = { key: 'tooLong', params: { max: LISTED_LIMITS.measures } }
  checkAttachments(draft, errors)
  if (!draft.geometry && !opts.geometryKept)
    errors.geometry = { key: 'geometryRequired' }
  return errors
}

export function hasErrors(errors: DraftErrors): boolean {
  return Object.keys(errors).length > 0
}

/** A new-deadline check for extending: a real date after the current deadline. */
export function validateExtension(newDeadline: string, currentDeadline: string): FieldError | null {
  if (!newDeadline)
    return { key: 'required' }
  if (!isIsoDate(newDeadline))
    return { key: 'date' }
  if (newDeadline <= currentDeadline)
    return { key: 'extendNotLater', params: { deadline: currentDeadline } }
  return null
}

/** An empty draft listed today (Asia/Shanghai); the deadline is left for the user to set. */
export function emptyDraft(today = todayInShanghai()): ListedDraft {
  return { name: '', indicators: [], responsibleUnit: '', listedOn: today, deadline: '', measures: '', attachments: [], geometry: null }
}

/** The POST body for a new hotspot; call only on a draft without errors. */
export function createRequest(draft: ListedDraft) {
  return {
    name: draft.name.trim(),
    indicators: [...draft.indicators],
    responsibleUnit: draft.responsibleUnit.trim(),
    listedOn: draft.listedOn,
    deadline: draft.deadline,
    measures: draft.measures,
    attachments: filledAttachments(draft),
    geometry: draft.geometry!,
  }
}

/**
 * The PATCH body for an edit. The deadline is not in it: it changes only through an extension.
 * The geometry is sent only when it was redrawn.
 */
export function patchRequest(draft: ListedDraft, version: number, redrawn: boolean) {
  const { deadline: _deadline, geometry, ...rest } = createRequest(draft)
  return redrawn && geometry ? { ...rest, geometry, version } : { ...rest, version }
}
