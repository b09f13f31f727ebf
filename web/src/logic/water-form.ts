import type { LineString, Point, Polygon } from 'geojson'
import type { DrawKind } from '../stores/draw.ts'

export type WaterEntity = 'zone' | 'asset' | 'route'
export const ZONE_KINDS = ['river', 'reservoir', 'pond'] as const
export const ASSET_TYPES = ['guard_post', 'rescue_equipment', 'warning_sign', 'fence'] as const
export const DANGER_LEVELS = [1, 2, 3] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]
export type AssetType = (typeof ASSET_TYPES)[number]

/** One draft for the three forms; each reads only its own fields. */
export interface WaterDraft {
  name: string
  kind: ZoneKind
  danger: 1 | 2 | 3
  approximate: boolean
  sourceNote: string
  type: AssetType
  note: string
  drone: string
  maxFlightM: number
  geometry: Polygon | Point | LineString | null
}

export const DRAW_KIND: Record<WaterEntity, DrawKind> = { zone: 'polygon', asset: 'point', route: 'linestring' }
const GEOMETRY_TYPE = { zone: 'Polygon', asset: 'Point', route: 'LineString' } as const

export function emptyWaterDraft(): WaterDraft {
  return { name: '', kind: 'pond', danger: 2, approximate: false, sourceNote: '', type: 'guard_post', note: '', drone: '', maxFlightM: 8000, geometry: null }
}

export type WaterErrors = Partial<Record<'name' | 'geometry' | 'maxFlightM', 'required' | 'tooLong' | 'range' | 'routeTooLong'>>

const R = 6_371_008.8
/** Great-circle length of a line in metres: the form warns before the server refuses. */
export function lineLengthM(line: LineString): number {
  const rad = Math.PI / 180
  let sum = 0
  for (let k = 1; k < line.coordinates.length; k++) {
    const [x1, y1] = line.coordinates[k - 1] as [number, number]
    const [x2, y2] = line.coordinates[k] as [number, number]
    const h = Math.sin(((y2 - y1) * rad) / 2) ** 2 + Math.cos(y1 * rad) * Math.cos(y2 * rad) * Math.sin(((x2 - x1) * rad) / 2) ** 2
    sum += 2 * R * Math.asin(Math.sqrt(h))
  }
  return sum
}

/** Client checks mirroring the server's; `kept` is true when editing (the old shape stays unless redrawn). */
export function validateWaterDraft(entity: WaterEntity, d: WaterDraft, kept: boolean): WaterErrors {
  const e: WaterErrors = {}
  if (!d.name.trim())
    e.name = 'required'
  else if (d.name.trim().length > 200)
    e.name = 'tooLong'
  if (!d.geometry && !kept)
    e.geometry = 'required'
  if (entity === 'route') {
    if (!Number.isInteger(d.maxFlightM) || d.maxFlightM < 100 || d.maxFlightM > 200_000)
      e.maxFlightM = 'range'
    else if (d.geometry?.type === 'LineString' && lineLengthM(d.geometry) > d.maxFlightM)
      e.maxFlightM = 'routeTooLong'
  }
  return e
}

export const hasWaterErrors = (e: WaterErrors) => Object.keys(e).length > 0

/** The fields each entity sends. */
export function waterFields(entity: WaterEntity, d: WaterDraft) {
  const name = d.name.trim()
  if (entity === 'zone')
    return { name, kind: d.kind, danger: d.danger, approximate: d.approximate, sourceNote: d.sourceNote.trim() }
  if (entity === 'asset')
    return { name, type: d.type, note: d.note.trim() }
  return { name, drone: d.drone.trim(), maxFlightM: d.maxFlightM }
}

/** The geometry to send, only when it is of the entity's type. */
export function waterGeometry(entity: WaterEntity, d: WaterDraft) {
  return d.geometry?.type === GEOMETRY_TYPE[entity] ? d.geometry : undefined
}
