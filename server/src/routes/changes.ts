import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { explainEmptyParent } from '../health/changes-parent.ts'
import { buildChanges, changeMonths } from '../health/changes-table.ts'
import { fail } from '../http/errors.ts'
import { indicatorCode, month, regionCode } from '../http/params.ts'
import { allow, read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { changeCounts } from '../queries/changes.ts'
import { dataMonths } from '../queries/choropleth.ts'

const query = z.object({
  level: z.enum(['district', 'township']),
  parent: regionCode.optional(),
  period: month,
  indicator: indicatorCode.default('all'),
  baseline: z.enum(['mom', 'yoy', 'yoy3']).default('mom'),
})

export const changeRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', query), async (c) => {
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    const { rows, months } = await read(c, async db => ({
      rows: await changeCounts(db, { level: q.level, parent: q.parent ?? null, leaves: catalog.leaves(q.indicator), months: changeMonths(q.period, q.baseline) }),
      months: await dataMonths(db),
    }))
    if (q.parent && rows.length === 0)
      await explainEmptyParent(c, q.parent, q.level)
    const polarity = catalog.get(q.indicator)?.polarity ?? undefined
    const built = buildChanges(rows, { month: q.period, baseline: q.baseline, polarity }, months)
    return c.json({ level: q.level, parent: q.parent ?? null, period: q.period, baseline: q.baseline, indicator: q.indicator, ...built })
  })
