import { z } from 'zod'
import { month, regionCode } from '../http/params.ts'
import { geometry as areaOrPoint } from '../listed/schemas.ts'
import { assetTypes, zoneKinds } from './kinds.ts'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)
const note = (max: number) => z.string().trim().max(max, `at most ${max} characters`)
const version = z.number().int().min(1).max(2 ** 31 - 1)
const position = z.array(z.number()).min(2, 'a position is [longitude, latitude]').max(3)

/** A zone is a Polygon or MultiPolygon, through the same door as a listed hotspot's area. */
const zoneGeometry = areaOrPoint.refine(g => g.type !== 'Point', 'a water zone is a Polygon or MultiPolygon, not a Point')
const pointGeometry = z.object({ type: z.literal('Point', { error: 'an asset is a GeoJSON Point' }), coordinates: position, crs: z.unknown().optional() }, { error: 'an asset is a GeoJSON Point { "type": "Point", "coordinates": [lon, lat] }' })
const lineGeometry = z.object({
  type: z.literal('LineString', { error: 'a drone route is a GeoJSON LineString' }),
  coordinates: z.array(position).min(2, 'a line needs at least 2 positions').max(5000),
  crs: z.unknown().optional(),
}, { error: 'a drone route is a GeoJSON LineString { "type": "LineString", "coordinates": [[lon, lat], …] }' })
export type LineInput = z.infer<typeof lineGeometry>

const zoneFields = {
  name: text(200),
  kind: z.enum(zoneKinds, { error: `expected one of ${zoneKinds.join(', ')}` }),
  danger: z.number().int('must be 1, 2 or 3').min(1, 'must be 1 (low), 2 (medium) or 3 (high)').max(3, 'must be 1 (low), 2 (medium) or 3 (high)'),
  approximate: z.boolean(),
  sourceNote: note(1000),
  synthetic: z.boolean(),
  geometry: zoneGeometry,
}
const assetFields = {
  name: text(200),
  type: z.enum(assetTypes, { error: `expected one of ${assetTypes.join(', ')}` }),
  note: note(1000),
  synthetic: z.boolean(),
  geometry: pointGeometry,
}
const routeFields = {
  name: text(200),
  drone: note(200),
  maxFlightM: z.number().int('must be whole metres').min(100, 'at least 100 m').max(200_000, 'at most 200 km'),
  synthetic: z.boolean(),
  geometry: lineGeometry,
}

function partial<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...z.object(shape).partial().shape, version }).strict().refine(v => Object.keys(v).length > 1, 'name at least one field to change besides version')
}

export const zoneCreate = z.object({ ...zoneFields, approximate: zoneFields.approximate.default(false), sourceNote: zoneFields.sourceNote.default(''), synthetic: zoneFields.synthetic.default(false) }).strict()
export const zonePatch = partial(zoneFields)
export const assetCreate = z.object({ ...assetFields, note: assetFields.note.default(''), synthetic: assetFields.synthetic.default(false) }).strict()
export const assetPatch = partial(assetFields)
export const routeCreate = z.object({ ...routeFields, drone: routeFields.drone.default(''), synthetic: routeFields.synthetic.default(false) }).strict()
export const routePatch = partial(routeFields)

export type ZoneCreate = z.infer<typeof zoneCreate>
export type AssetCreate = z.infer<typeof assetCreate>
export type RouteCreate = z.infer<typeof routeCreate>
export type ZonePatch = z.infer<typeof zonePatch>
export type AssetPatch = z.infer<typeof assetPatch>
export type RoutePatch = z.infer<typeof routePatch>

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })
export const deleteQuery = z.object({ version: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional() })
export const listQuery = z.object({ region: regionCode.optional() })

export const MAX_CALENDAR_MONTHS = 60
export const calendarQuery = z.object({
  region: regionCode.optional(),
  months: z.coerce.number().int().min(1).max(MAX_CALENDAR_MONTHS).default(24),
  to: month.optional(),
})

export const coverageQuery = z.object({
  region: regionCode.optional(),
  minDanger: z.coerce.number().int().min(1).max(3).default(2),
})
