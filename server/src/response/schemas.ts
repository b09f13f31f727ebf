import { z } from 'zod'
import { indicatorCode, month, regionCode } from '../http/params.ts'
import { dutyWindows } from './duty.ts'
import { unitTypes } from './unit-types.ts'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)

// z.number() refuses NaN and ±Infinity; ranges, projected metres and swapped axes are checked by
// listed/geometry.ts, the same door listed hotspots go through.
const pointOnly = 'a unit is a GeoJSON Point { "type": "Point", "coordinates": [lon, lat] }'
export const pointGeometry = z.object({
  type: z.literal('Point', { error: pointOnly }),
  coordinates: z.array(z.number()).min(2, 'a position is [longitude, latitude]').max(3),
  crs: z.unknown().optional(),
}, { error: pointOnly })

const fields = {
  name: text(200),
  type: z.enum(unitTypes, { error: `expected one of ${unitTypes.join(', ')}` }),
  staff: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000),
  duty: dutyWindows,
  contact: z.string().trim().max(200, 'at most 200 characters'),
  geometry: pointGeometry,
}

export const createBody = z.object({ ...fields, staff: fields.staff.default(0), duty: fields.duty.default([]), contact: fields.contact.default('') }).strict()
export type CreateBody = z.infer<typeof createBody>

export const patchBody = z.object({
  name: fields.name.optional(),
  type: fields.type.optional(),
  staff: fields.staff.optional(),
  duty: fields.duty.optional(),
  contact: fields.contact.optional(),
  geometry: fields.geometry.optional(),
  version: z.number().int().min(1).max(2 ** 31 - 1),
}).strict().refine(v => Object.keys(v).length > 1, 'name at least one field to change besides version')
export type PatchBody = z.infer<typeof patchBody>

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })

export const deleteQuery = z.object({ version: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional() })

export const listQuery = z.object({
  type: z.enum(unitTypes).optional(),
  region: regionCode.optional(),
})
export type ListQuery = z.infer<typeof listQuery>

export const MAX_COVERAGE_MONTHS = 36

export const coverageQuery = z.object({
  level: z.enum(['district', 'township']),
  parent: regionCode.optional(),
  months: z.coerce.number().int().min(1).max(MAX_COVERAGE_MONTHS).default(6),
  to: month.optional(),
  indicator: indicatorCode.default('all'),
})
