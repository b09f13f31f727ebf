import type { DutyWindow, Unit, UnitCreate, UnitPatch, UnitType } from '../api/units-api.ts'
import type { DutyRow, DutyRowError } from './duty-windows.ts'
import { checkRows, dutyText, rowsToWindows, windowsToRows } from './duty-windows.ts'

/** The unit form as typed; `geometry` is a newly placed point (null: none yet, or keep the saved one). */
export interface UnitDraft {
  name: string
  type: UnitType | ''
  staff: string
  duty: DutyRow[]
  contact: string
  geometry: { type: 'Point', coordinates: number[] } | null
}

/** What is wrong with the draft, as i18n keys under `units.invalid`; `duty` holds one entry per row. */
export interface UnitDraftErrors {
  name?: 'required' | 'tooLong'
  type?: 'required'
  staff?: 'staff'
  contact?: 'tooLong'
  geometry?: 'required'
  duty?: Array<DutyRowError | null>
}

export function emptyUnitDraft(): UnitDraft {
  return { name: '', type: '', staff: '0', duty: [], contact: '', geometry: null }
}

export function unitDraftOf(u: Unit): UnitDraft {
  return { name: u.name, type: u.type, staff: String(u.staff), duty: windowsToRows(u.duty), contact: u.contact, geometry: null }
}

/** A whole number of staff from 0 to 100 000, as the server takes it; undefined otherwise. */
export function staffCount(text: string): number | undefined {
  const t = text.trim()
  if (!/^\d{1,6}$/.test(t))
    return undefined
  const n = Number(t)
  return n <= 100_000 ? n : undefined
}

/** The browser's checks, mirroring the server's schema (tests/web/units-form.test.ts holds them to it). */
export function validateUnitDraft(d: UnitDraft, opts: { geometryKept?: boolean } = {}): UnitDraftErrors {
  const errors: UnitDraftErrors = {}
  const name = d.name.trim()
  if (!name)
    errors.name = 'required'
  else if (name.length > 200)
    errors.name = 'tooLong'
  if (!d.type)
    errors.type = 'required'
  if (staffCount(d.staff) === undefined)
    errors.staff = 'staff'
  if (d.contact.trim().length > 200)
    errors.contact = 'tooLong'
  if (!d.geometry && !opts.geometryKept)
    errors.geometry = 'required'
  const duty = checkRows(d.duty)
  if (duty.some(e => e !== null))
    errors.duty = duty
  return errors
}

export function hasUnitErrors(e: UnitDraftErrors): boolean {
  return Object.keys(e).length > 0
}

export function createUnitRequest(d: UnitDraft): UnitCreate {
  return {
    name: d.name.trim(),
    type: d.type as UnitType,
    staff: staffCount(d.staff) ?? Number.NaN,
    duty: rowsToWindows(d.duty),
    contact: d.contact.trim(),
    geometry: d.geometry ?? { type: 'Point', coordinates: [] },
  }
}

/** Same windows, whatever the key order (jsonb reorders keys) or the spelling of "every day". */
const sameDuty = (a: readonly DutyWindow[], b: readonly DutyWindow[]) => dutyText(a) === dutyText(b)

/** Only what changed, with the version read; a moved point only when one was placed. */
export function patchUnitRequest(d: UnitDraft, u: Unit): UnitPatch {
  const next = createUnitRequest(d)
  const patch: UnitPatch = { version: u.version }
  if (next.name !== u.name)
    patch.name = next.name
  if (next.type !== u.type)
    patch.type = next.type
  if (next.staff !== u.staff)
    patch.staff = next.staff
  if (!sameDuty(next.duty ?? [], u.duty))
    patch.duty = next.duty
  if (next.contact !== u.contact)
    patch.contact = next.contact
  if (d.geometry)
    patch.geometry = d.geometry
  return patch
}
