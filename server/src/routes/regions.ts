import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { indicatorCode, level, periodRange, regionCode } from '../http/params.ts'
import { read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { regionSubclassTotals, regionTrend } from '../queries/choropleth.ts'
import { regionFeatureCollection } from '../queries/regions.ts'
import { ancestorsOfScope, regionInScope, visibleParent } from './region-access.ts'
import { summarize } from './region-summary.ts'

const TREND_MONTHS = 24

export const regionRoutes = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ level: level.default('district'), parent: regionCode.optional() })), async (c) => {
    const { level, parent } = c.req.valid('query')
    const above = await ancestorsOfScope(c)
    const fc = await read(c, async (db) => {
      if (parent)
        await visibleParent(db, above, parent)
      return regionFeatureCollection(db, level, parent ?? null)
    })
    return c.json(fc as { type: 'FeatureCollection', features: RegionFeature[] })
  })
  .get('/:code/summary', validate('param', z.object({ code: regionCode })), validate('query', z.object({ indicator: indicatorCode.default('all') }).and(periodRange)), async (c) => {
    const { code } = c.req.valid('param')
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    const to = q.to ?? q.period
    const trendRange = { from: addMonths(to, -(TREND_MONTHS - 1)), to }
    const { region, totals, trend } = await read(c, async db => ({
      region: await regionInScope(db, code),
      totals: await regionSubclassTotals(db, code, { from: q.period, to }),
      trend: await regionTrend(db, code, catalog.leaves(q.indicator), trendRange),
    }))
    return c.json({
      region: {
        code: region.code,
        name: region.name,
        level: region.level,
        parent: region.parent,
        population: region.population,
        populationSynthetic: region.populationSynthetic,
        approximate: region.approximate,
        areaKm2: region.areaKm2,
      },
      period: q.period,
      to,
      indicator: q.indicator,
      ...summarize(catalog, totals, trend, trendRange),
    })
  })

export interface RegionFeature {
  type: 'Feature'
  id: string
  properties: { code: string, name: string, level: 'city' | 'district' | 'township', parent: string | null, approximate: boolean, population: number | null, populationSynthetic: boolean }
  geometry: { type: 'MultiPolygon', coordinates: number[][][][] }
}
