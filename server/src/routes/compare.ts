import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../auth/roles.ts'
import { disposition, toCsv, toXlsx } from '../compare/export.ts'
import { buildComparison, compareWindow } from '../compare/table.ts'
import { fail } from '../http/errors.ts'
import { month, regionCode } from '../http/params.ts'
import { read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { dataMonths } from '../queries/choropleth.ts'
import { compareMonthlyCounts, compareRegions } from '../queries/compare.ts'

export const MIN_COMPARE = 2
export const MAX_COMPARE = 6

const query = z.object({
  regions: z.string()
    .transform(s => s.split(','))
    .pipe(z.array(regionCode).min(MIN_COMPARE, `compare at least ${MIN_COMPARE} regions`).max(MAX_COMPARE, `compare at most ${MAX_COMPARE} regions`))
    .refine(codes => new Set(codes).size === codes.length, 'a region may be listed only once'),
  month,
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
})

export const compareRoutes = new Hono<AppEnv>()
  .get('/', validate('query', query), async (c) => {
    const q = c.req.valid('query')
    const { role } = c.get('principal')
    if (q.format !== 'json' && !can(role, 'export'))
      fail(403, 'forbidden', `the ${role} role may not export`)
    const { catalog } = c.get('deps')
    const { regions, counts, months } = await read(c, async (db) => {
      const found = await compareRegions(db, q.regions)
      // Out of scope reads as unknown, so that existence does not leak (as region-access.ts).
      const missing = q.regions.find(code => !found.some(r => r.code === code))
      if (missing)
        fail(404, 'unknown_region', `unknown region "${missing}"`)
      return {
        regions: q.regions.map(code => found.find(r => r.code === code)!),
        counts: await compareMonthlyCounts(db, q.regions, compareWindow(q.month).read),
        months: await dataMonths(db),
      }
    })
    const cmp = buildComparison(catalog, regions, counts, q.month, months)
    if (q.format === 'csv')
      return c.body(toCsv(cmp), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition('csv', q.month) })
    if (q.format === 'xlsx') {
      const bytes = await toXlsx(cmp)
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': disposition('xlsx', q.month) })
    }
    return c.json(cmp)
  })
