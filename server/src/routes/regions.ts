import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { indicatorCode, level, periodRange, regionCode } from '../http/params.ts'
import { validate } from '../http/validate.ts'
import { regionSubclassTotals, regionTrend } from '../queries/choropleth.ts'
import { getRegion, regionFeatureCollection } from '../queries/regions.ts'
import { summarize } from './region-summary.ts'

const TREND_MONTHS = 24

export const regionRoutes = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ level: level.default('district'), parent: regionCode.optional() })), async (c) => {
    const { level, parent } = c.req.valid('query')
    const { db } = c.get('deps')
    if (parent && !(await getRegion(db, parent)))
      fail(404, 'unknown_region', `unknown region "${parent}"`)
    const fc = await regionFeatureCollection(db, level, parent ?? null)
    return c.json(fc as { type: 'FeatureCollection', features: RegionFeature[] })
  })
  .get('/:code/summary', validate('param', z.object({ code: regionCode })), validate('query', z.object({ indicator: indicatorCode.default('all') }).and(periodRange)), async (c) => {
    const { code } = c.req.valid('param')
    const q = c.req.valid('query')
    const { db, catalog } = c.get('deps')
    const region = await getRegion(db, code)
    if (!region)
      fail(404, 'unknown_region', `unknown region "${code}"`)
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    const to = q.to ?? q.period
    const trendRange = { from: addMonths(to, -(TREND_MONTHS - 1)), to }
    const [totals, trend] = await Promise.all([
      regionSubclassTotals(db, code, { from: q.period, to }),
      regionTrend(db, code, catalog.leaves(q.indicator), trendRange),
    ])
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
