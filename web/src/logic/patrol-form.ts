import type { LineString, Polygon } from 'geojson'
import type { DutyRow, DutyRowError } from './duty-windows.ts'
import type { PatrolTypeCode } from './patrol-types.ts'
import { checkRows, rowsToWindows } from './duty-windows.ts'
import { allowedShapes } from './patrol-types.ts'

/** The create/edit form's state. `geometry` is a newly drawn shape; null keeps the saved one on edit. */
export interface PatrolDraft {
  name: string
  type: PatrolTypeCode
  team: string
  shifts: DutyRow[]
  geometry: Polygon | LineString | null
}

/** Field errors as i18n keys under `patrol.invalid`. */
export interface PatrolErrors {
  name?: 'required' | 'tooLong'
  team?: 'tooLong'
  geometry?: 'required' | 'lineOnly' | 'tooFewPoints'
  shifts?: Array<DutyRowError | null>
}

export function emptyPatrolDraft(): PatrolDraft {
  return { name: '', type: 'street', team: '', shifts: [], geometry: null }
}

/**
 * The browser's checks, mirroring the server's: a name, at most 200 characters of team, a shape
 * (a line for a drone route, with two distinct points), well-formed shift rows. `keptType` is the
 * saved geometry's type when editing without a new drawing.
 */
export function validatePatrolDraft(d: PatrolDraft, keptType: 'Polygon' | 'LineString' | null = null): PatrolErrors {
  const e: PatrolErrors = {}
  if (!d.name.trim())
    e.name = 'required'
  else if (d.name.trim().length > 200)
    e.name = 'tooLong'
  if (d.team.trim().length > 200)
    e.team = 'tooLong'
  const shape = d.geometry?.type ?? keptType
  if (!shape)
    e.geometry = 'required'
  else if (!allowedShapes(d.type).includes(shape))
    e.geometry = 'lineOnly'
  else if (d.geometry?.type === 'LineString' && new Set(d.geometry.coordinates.map(p => `${p[0]},${p[1]}`)).size < 2)
    e.geometry = 'tooFewPoints'
  const rows = checkRows(d.shifts)
  if (rows.some(r => r !== null))
    e.shifts = rows
  return e
}

export function hasPatrolErrors(e: PatrolErrors): boolean {
  return Object.keys(e).length > 0
}

export function createPatrolRequest(d: PatrolDraft) {
  if (!d.geometry)
    throw new Error('a patrol zone needs a drawn shape')
  return { name: d.name.trim(), type: d.type, team: d.team.trim(), shifts: rowsToWindows(d.shifts), geometry: d.geometry }
}

/** An edit sends every field (the server ignores what is unchanged) and the geometry only when redrawn. */
export function patchPatrolRequest(d: PatrolDraft, version: number) {
  return { name: d.name.trim(), type: d.type, team: d.team.trim(), shifts: rowsToWindows(d.shifts), ...(d.geometry ? { geometry: d.geometry } : {}), version }
}
