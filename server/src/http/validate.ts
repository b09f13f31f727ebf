import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { zValidator } from '@hono/zod-validator'
import { fail } from './errors.ts'

/** zValidator whose failures are 400s in the shared error shape, naming each bad parameter. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map(i => ({ parameter: i.path.join('.') || target, message: i.message }))
      fail(400, 'invalid_parameter', issues.map(i => `${i.parameter}: ${i.message}`).join('; '), issues)
    }
  })
}
