import { z } from 'zod'
import { month } from '../http/params.ts'
import { listedStatuses } from './lifecycle.ts'

/** A real calendar day 'YYYY-MM-DD' between 1970 and 2100 (Date.parse accepts 2026-02-30; this does not). */
export const day = z.string({ error: i => i.input === undefined ? 'is required' : 'expected a date as YYYY-MM-DD' })
  .regex(/^(19[7-9]\d|20\d\d|2100)-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD between 1970 and 2100')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`)
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d)
  }, 'not a real date')

const subclassCode = z.string().regex(/^[A-Z][0-9A-Za-z-]{0,15}$/, 'expected a sub-class code such as A2-03')
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)

const httpUrl = z.string().max(2000).refine((u) => {
  try {
    const url = new URL(u)
    return url.protocol === 'http:' || url.protocol === 'https:'
  }
  catch {
    return false
  }
}, 'only http:// and https:// links are allowed')

const attachment = z.object({ title: text(200), url: httpUrl }).strict()

// z.number() refuses NaN and ±Infinity. Closure, ranges and swapped axes are checked in geometry.ts.
const position = z.array(z.number()).min(2, 'a position is [longitude, latitude]').max(3)
const ring = z.array(position).min(4, 'a ring needs at least 4 positions').max(20_000)
/** A GeoJSON geometry: a Point, a Polygon or a MultiPolygon. A `crs` member is refused in geometry.ts. */
export const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position, crs: z.unknown().optional() }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(100), crs: z.unknown().optional() }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(100)).min(1).max(100), crs: z.unknown().optional() }),
], { error: 'expected a GeoJSON geometry of type Point, Polygon or MultiPolygon' })
export type GeometryInput = z.infer<typeof geometry>

const fields = {
  name: text(200),
  indicators: z.array(subclassCode).min(1, 'name at least one sub-class').max(20),
  responsibleUnit: text(200),
  listedOn: day,
  measures: z.string().max(5000),
  attachments: z.array(attachment).max(20),
  geometry,
}

export const createBody = z.object({ ...fields, deadline: day, measures: fields.measures.default(''), attachments: fields.attachments.default([]) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.deadline < v.listedOn)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: `must not be before listedOn (${v.listedOn})` })
  })
export type CreateBody = z.infer<typeof createBody>

/** Everything but the status and the deadline, which change only through transitions. */
export const patchBody = z.object({
  name: fields.name.optional(),
  indicators: fields.indicators.optional(),
  responsibleUnit: fields.responsibleUnit.optional(),
  listedOn: day.optional(),
  measures: fields.measures.optional(),
  attachments: fields.attachments.optional(),
  geometry: geometry.optional(),
  version: z.number().int().min(1).max(2 ** 31 - 1),
}).strict().refine(v => Object.keys(v).length > 1, 'name at least one field to change besides version')
export type PatchBody = z.infer<typeof patchBody>

export const transitionBody = z.object({
  to: z.enum(listedStatuses),
  reason: text(2000),
  newDeadline: day.optional(),
  version: z.number().int().min(1).max(2 ** 31 - 1),
}).strict()

export const listFilters = z.object({
  status: z.enum(listedStatuses).optional(),
  unit: z.string().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
})
export type ListFilters = z.infer<typeof listFilters>

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })

export const evidenceQuery = z.object({
  months: z.coerce.number().int().min(1).max(24).default(6),
  to: month.optional(),
})
