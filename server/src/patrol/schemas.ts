import { z } from 'zod'
import { indicatorCode, month, regionCode } from '../http/params.ts'
import { shifts } from './shifts.ts'
import { zoneTypes } from './zone-types.ts'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)

// z.number() refuses NaN and ±Infinity. Closure, ranges, swapped axes and distinct positions are
// checked in geometry.ts, validity (with PostGIS's reason) in SQL.
const position = z.array(z.number()).min(2, 'a position is [longitude, latitude]').max(3)
const ring = z.array(position).min(4, 'a ring needs at least 4 positions').max(20_000)
/** A GeoJSON Polygon or LineString. */
export const zoneGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(100), crs: z.unknown().optional() }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2, 'a line needs at least 2 positions').max(20_000), crs: z.unknown().optional() }),
], { error: 'expected a GeoJSON geometry of type Polygon or LineString' })
export type ZoneGeometry = z.infer<typeof zoneGeometry>

const fields = {
  name: text(200),
  type: z.enum(zoneTypes, { error: `expected one of ${zoneTypes.join(', ')}` }),
  team: z.string().trim().max(200, 'at most 200 characters'),
  shifts,
  geometry: zoneGeometry,
}

export const createBody = z.object({ ...fields, team: fields.team.default(''), shifts: fields.shifts.default([]) }).strict()
export type CreateBody = z.infer<typeof createBody>

export const patchBody = z.object({
  name: fields.name.optional(),
  type: fields.type.optional(),
  team: fields.team.optional(),
  shifts: fields.shifts.optional(),
  geometry: fields.geometry.optional(),
  version: z.number().int().min(1).max(2 ** 31 - 1),
}).strict().refine(v => Object.keys(v).length > 1, 'name at least one field to change besides version')
export type PatchBody = z.infer<typeof patchBody>

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })

export const deleteQuery = z.object({ version: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional() })

export const listQuery = z.object({
  type: z.enum(zoneTypes).optional(),
  region: regionCode.optional(),
})
export type ListQuery = z.infer<typeof listQuery>

export const MAX_HEATMAP_MONTHS = 36

export const heatmapQuery = z.object({
  months: z.coerce.number().int().min(1).max(MAX_HEATMAP_MONTHS).default(6),
  to: month.optional(),
  indicator: indicatorCode.default('all'),
  /** Length of a recommended patrol window in whole hours. */
  hours: z.coerce.number().int().min(1).max(12).default(3),
  by: z.enum(['overall', 'weekday']).default('overall'),
  top: z.coerce.number().int().min(1).max(10).default(3),
})
export type HeatmapQuery = z.infer<typeof heatmapQuery>
