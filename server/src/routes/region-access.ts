import type { Context } from 'hono'
import type { Queryable } from '../db/database.ts'
import type { AppEnv } from '../http/env.ts'
import type { RegionRow } from '../queries/regions.ts'
import { fail } from '../http/errors.ts'
import { getRegion } from '../queries/regions.ts'

/**
 * The regions above the principal's scope region, which row-level security hides but which a
 * township's staff navigate from (their district, whose other townships stay hidden). Read with
 * the owner's rights, so call it before opening the scoped transaction, never inside it.
 */
export async function ancestorsOfScope(c: Context<AppEnv>): Promise<Map<string, RegionRow>> {
  const { scope } = c.get('principal')
  if (scope === '*')
    return new Map()
  const { db } = c.get('deps')
  const rows = await db.query<{ code: string }>('SELECT ancestor AS code FROM region_ancestor WHERE descendant = $1 AND depth > 0', [scope])
  const regions = await Promise.all(rows.map(r => getRegion(db, r.code)))
  return new Map(regions.filter(r => r !== undefined).map(r => [r.code, r]))
}

/**
 * A region used as a parent: visible in scope, or one of the scope's ancestors.
 * Anything else is 404, whether it exists or not, so that existence does not leak.
 */
export async function visibleParent(q: Queryable, above: Map<string, RegionRow>, code: string): Promise<RegionRow> {
  return above.get(code) ?? regionInScope(q, code)
}

/** A region the request is about: in scope, or 404. */
export async function regionInScope(q: Queryable, code: string): Promise<RegionRow> {
  const region = await getRegion(q, code)
  if (!region)
    fail(404, 'unknown_region', `unknown region "${code}"`)
  return region
}
