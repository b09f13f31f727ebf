import type { Context } from 'hono'
import type { HexSize } from '../analysis/hex-grid.ts'
import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { runEmerging } from '../hotspots/emerging-service.ts'
import { runGistar } from '../hotspots/gistar-service.ts'
import { hexBins } from '../hotspots/hexbins-service.ts'
import { fail } from '../http/errors.ts'
import { indicatorCode, periodRange, regionCode } from '../http/params.ts'
import { read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { ancestorsOfScope } from './region-access.ts'

/** Largest fixed band accepted, in metres; larger bands are also refused by neighbour count. */
const MAX_DISTANCE_M = 50_000

const bins = z.object({
  parent: regionCode,
  grid: z.enum(['hex']).default('hex'),
  size: z.enum(['250', '500', '1000']).default('500').transform(v => Number(v) as HexSize),
  indicator: indicatorCode.default('all'),
}).and(periodRange)

const analysis = bins.and(z.object({
  distance: z.coerce.number().positive().max(MAX_DISTANCE_M).optional(),
  correction: z.enum(['none', 'fdr']).default('none'),
}))

type Bins = z.infer<typeof bins>

/** The sub-classes and month range of a request; an unknown indicator is 404 as elsewhere. */
function selection(c: Context<AppEnv>, q: Bins) {
  const { catalog } = c.get('deps')
  if (!catalog.has(q.indicator))
    fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
  return { parent: q.parent, size: q.size, leaves: catalog.leaves(q.indicator), from: q.period, to: q.to ?? q.period }
}

/** Hex cells as a GeoJSON FeatureCollection; the feature id is the cell id, for feature-state. */
function cellCollection<C extends { id: string, ring: [number, number][] }, P>(cells: C[], properties: (cell: C) => P) {
  return {
    type: 'FeatureCollection' as const,
    features: cells.map(cell => ({
      type: 'Feature' as const,
      id: cell.id,
      properties: properties(cell),
      geometry: { type: 'Polygon' as const, coordinates: [cell.ring] },
    })),
  }
}

export const hotspotRoutes = new Hono<AppEnv>()
  .get('/gistar', validate('query', analysis), async (c) => {
    const q = c.req.valid('query')
    const sel = selection(c, q)
    const r = await read(c, db => runGistar(db, { ...sel, distance: q.distance, correction: q.correction }))
    return c.json({
      ...cellCollection(r.cells, cell => ({ id: cell.id, count: cell.count, z: cell.z, p: cell.p, bin: cell.bin })),
      method: { ...r.method, indicator: q.indicator, period: sel.from },
      warnings: r.method.warnings,
    })
  })
  .get('/emerging', validate('query', analysis), async (c) => {
    const q = c.req.valid('query')
    const sel = selection(c, q)
    const r = await read(c, db => runEmerging(db, { ...sel, distance: q.distance, correction: q.correction }))
    return c.json({
      ...cellCollection(r.cells, cell => ({ id: cell.id, category: cell.category, trendZ: cell.trendZ, trendP: cell.trendP, hotSteps: cell.hotSteps, coldSteps: cell.coldSteps, count: cell.count })),
      summary: r.summary,
      method: { ...r.method, indicator: q.indicator, period: sel.from },
      warnings: r.method.warnings,
    })
  })
  .get('/hexbins', validate('query', bins), async (c) => {
    const q = c.req.valid('query')
    const sel = selection(c, q)
    const above = await ancestorsOfScope(c)
    const r = await read(c, db => hexBins(db, above, sel))
    return c.json({
      ...cellCollection(r.cells, cell => ({ id: cell.id, count: cell.count })),
      grid: 'hex' as const,
      size: q.size,
      srid: r.srid,
      parent: q.parent,
      indicator: q.indicator,
      period: sel.from,
      to: sel.to,
    })
  })
