import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { allow, read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { coverageRows } from '../queries/response-coverage.ts'
import { coverageQuery } from '../response/schemas.ts'
import { reachSteps, speedMethod } from '../response/speeds.ts'
import { ancestorsOfScope, visibleParent } from './region-access.ts'
import { speedsOf } from './response-units.ts'

const childLevel = { city: 'district', district: 'township', township: null } as const
const share = (n: number, of: number) => of ? Math.round((n / of) * 10_000) / 10_000 : null

export const coverageRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', coverageQuery), async (c) => {
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    const speeds = speedsOf(c)
    const steps = reachSteps(speeds)
    // The last N complete months by default, as the listed-hotspot evidence counts them.
    const to = q.to ?? addMonths(currentShanghaiMonth(), -1)
    const from = addMonths(to, 1 - q.months)
    const rows = await read(c, db => coverageRows(db, {
      level: q.level,
      parent: q.parent ?? null,
      from,
      to,
      leaves: catalog.leaves(q.indicator),
      radii: [steps[0]!.metres, steps[1]!.metres, steps[2]!.metres],
    }))
    if (q.parent && rows.length === 0) {
      const above = await ancestorsOfScope(c)
      const parent = await read(c, db => visibleParent(db, above, q.parent!))
      if (childLevel[parent.level] !== q.level)
        fail(400, 'invalid_parameter', `parent ${q.parent} is a ${parent.level}; its children are ${childLevel[parent.level] ?? 'none'}, not ${q.level}`)
    }
    const regions = rows.map(r => ({ ...r, share1: share(r.within1, r.events), share3: share(r.within3, r.events), share5: share(r.within5, r.events) }))
    return c.json({
      level: q.level,
      parent: q.parent ?? null,
      from,
      to,
      months: q.months,
      indicator: q.indicator,
      regions,
      method: {
        ...speedMethod(speeds),
        onDuty: 'a unit counts for an event only if one of its duty windows holds the event\'s time in Asia/Shanghai (no windows: around the clock)',
        scope: 'only units in your region scope count',
        shares: 'cumulative: within 3 minutes includes within 1; null where a region has no events',
      },
    })
  })
