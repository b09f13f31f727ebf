import { z } from 'zod'
import { indicatorCode, regionCode } from '../http/params.ts'
import { day } from '../listed/schemas.ts'

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)
const version = z.number().int().min(1).max(2 ** 31 - 1)

const fields = {
  reason: text(2000),
  unit: text(200),
  plan: z.string().max(5000),
  listedOn: day,
  deadline: day,
  indicator: indicatorCode,
  thresholdKind: z.enum(['count', 'per10k']),
  threshold: z.number().min(0, 'must be 0 or more').max(1e8, 'at most 100000000'),
  monthsRequired: z.number().int().min(1, 'at least 1 month').max(24, 'at most 24 months'),
}

/** `listedOn` defaults to today in Asia/Shanghai (filled in by the service). */
export const createBody = z.object({
  region: regionCode,
  ...fields,
  plan: fields.plan.default(''),
  listedOn: day.optional(),
}).strict()
export type CreateBody = z.infer<typeof createBody>

/** Everything but the region and the status; the status changes only by closing. */
export const patchBody = z.object({
  reason: fields.reason.optional(),
  unit: fields.unit.optional(),
  plan: fields.plan.optional(),
  listedOn: day.optional(),
  deadline: day.optional(),
  indicator: fields.indicator.optional(),
  thresholdKind: fields.thresholdKind.optional(),
  threshold: fields.threshold.optional(),
  monthsRequired: fields.monthsRequired.optional(),
  version,
}).strict().refine(v => Object.keys(v).length > 1, 'name at least one field to change besides version')
export type PatchBody = z.infer<typeof patchBody>

export const noteBody = z.object({ text: text(5000) }).strict()

/** 销号: on evidence, or (admins only) with a written reason. `version`, when sent, must be current. */
export const closeBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('indicators'), version: version.optional() }).strict(),
  z.object({ kind: z.literal('admin_reason'), reason: text(2000), version: version.optional() }).strict(),
], { error: 'expected kind "indicators" or "admin_reason"' })
export type CloseBody = z.infer<typeof closeBody>

export const listFilters = z.object({
  status: z.enum(['listed', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  region: regionCode.optional(),
})
export type ListFilters = z.infer<typeof listFilters>

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })
