import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { RegionLevel } from '../queries/regions.ts'
import { fail } from '../http/errors.ts'
import { read } from '../http/scoped.ts'
import { ancestorsOfScope, visibleParent } from '../routes/region-access.ts'

const childLevel = { city: 'district', district: 'township', township: null } as const

/**
 * Called when a parent has no children in the answer: 404 for a parent out of scope or unknown,
 * 400 when the parent's children are not of the level asked (as /api/choropleth answers).
 * Reads the scope's ancestors with the owner's rights, so it runs outside any scoped transaction.
 */
export async function explainEmptyParent(c: Context<AppEnv>, parentCode: string, level: RegionLevel): Promise<void> {
  const above = await ancestorsOfScope(c)
  const parent = await read(c, db => visibleParent(db, above, parentCode))
  if (childLevel[parent.level] !== level)
    fail(400, 'invalid_parameter', `parent ${parentCode} is a ${parent.level}; its children are ${childLevel[parent.level] ?? 'none'}, not ${level}`)
}
