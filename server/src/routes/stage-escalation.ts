import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { month, regionCode } from '../http/params.ts'
import { allow, read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { dataMonths } from '../queries/choropleth.ts'
import { getRegion } from '../queries/regions.ts'
import { townshipSubclassCounts, townshipsUnder } from '../queries/stage-escalation.ts'
import { escalationTable, stageLeaves } from '../warnings/escalation-table.ts'

const query = z.object({
  parent: regionCode,
  period: month,
  months: z.coerce.number().int().min(6).max(36).default(12),
})

/** Stage escalation per township (issue 7 §2): the ratio of downstream to emerging signals and its trend. */
export const stageEscalationRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', query), async (c) => {
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    const found = await read(c, async (db) => {
      const parent = await getRegion(db, q.parent)
      if (!parent)
        return null
      const townships = await townshipsUnder(db, q.parent)
      const range = { from: addMonths(q.period, 1 - q.months), to: q.period }
      return {
        parent,
        townships,
        counts: townships.length ? await townshipSubclassCounts(db, townships.map(t => t.code), stageLeaves(catalog), range) : [],
        span: await dataMonths(db),
      }
    })
    // Out of scope reads as unknown, so that existence does not leak.
    if (!found)
      fail(404, 'unknown_region', `unknown region "${q.parent}"`)
    const table = escalationTable(found.townships, found.counts, q.period, q.months, found.span)
    return c.json({ parent: { code: found.parent.code, name: found.parent.name, level: found.parent.level }, ...table })
  })
