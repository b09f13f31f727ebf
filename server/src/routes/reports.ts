import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { can } from '../auth/roles.ts'
import { fail } from '../http/errors.ts'
import { indicatorCode, regionCode } from '../http/params.ts'
import { read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { dataMonths } from '../queries/choropleth.ts'
import { compareMonthlyCounts } from '../queries/compare.ts'
import { anySyntheticData, reportRegions } from '../queries/reports.ts'
import { listingsForReport } from '../queries/supervision-report.ts'
import { warningsForReport } from '../queries/warnings-report.ts'
import { assembleReport } from '../reports/assemble.ts'
import { lastDayOf, reportPeriodFor } from '../reports/period.ts'
import { reportDisposition, reportXlsx } from '../reports/xlsx.ts'

const query = z.object({
  kind: z.enum(['monthly', 'quarterly', 'special']),
  region: regionCode,
  period: z.string().max(16),
  topic: indicatorCode.optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
})

export const reportRoutes = new Hono<AppEnv>()
  .get('/health', validate('query', query), async (c) => {
    const q = c.req.valid('query')
    const { role } = c.get('principal')
    if (q.format === 'xlsx' && !can(role, 'export'))
      fail(403, 'forbidden', `the ${role} role may not export`)
    const period = reportPeriodFor(q.kind, q.period)
    if (!period)
      fail(400, 'invalid_parameter', `period: expected ${q.kind === 'monthly' ? 'YYYY-MM' : q.kind === 'quarterly' ? 'YYYY-Qn' : 'YYYY-MM or YYYY-Qn'} for a ${q.kind} report`, [{ parameter: 'period', message: 'bad period' }])
    const { catalog, db: owner } = c.get('deps')
    if (q.topic !== undefined && q.kind !== 'special')
      fail(400, 'invalid_parameter', 'topic: only a special report has a topic', [{ parameter: 'topic', message: 'only for kind=special' }])
    const topicKind = q.topic === undefined ? null : catalog.get(q.topic)?.kind
    if (q.topic !== undefined && topicKind !== 'category' && topicKind !== 'class')
      fail(400, 'invalid_parameter', `topic: "${q.topic}" is not a category or major class of the catalog`, [{ parameter: 'topic', message: 'expected a category or class code' }])
    // Whether demo data is loaded is not a secret (as /api/meta): read before the scoped transaction.
    const synthetic = await anySyntheticData(owner)
    const data = await read(c, async (db) => {
      const regions = await reportRegions(db, q.region)
      if (regions[0]?.code !== q.region)
        fail(404, 'unknown_region', `unknown region "${q.region}"`)
      const first = period.months[0]!
      return {
        regions,
        counts: await compareMonthlyCounts(db, regions.map(r => r.code), { from: period.baselineMonths[0]!, to: period.end }),
        dataMonths: await dataMonths(db),
        warnings: await warningsForReport(db, { region: q.region, from: first, to: period.end }),
        listings: await listingsForReport(db, { region: q.region, from: `${first}-01`, to: lastDayOf(period.end) }),
      }
    })
    const report = assembleReport(catalog, { kind: q.kind, period, topic: q.topic ?? null, synthetic, generatedAt: new Date().toISOString(), ...data })
    if (q.format === 'xlsx') {
      const bytes = await reportXlsx(report)
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': reportDisposition(report, q.period),
      })
    }
    return c.json(report)
  })
