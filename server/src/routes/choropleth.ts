import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { change, per10k } from '../analysis/change.ts'
import { classBreaks } from '../analysis/classify.ts'
import { addMonths, monthSpan } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { indicatorCode, periodRange, regionCode } from '../http/params.ts'
import { read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { choroplethRows } from '../queries/choropleth.ts'
import { ancestorsOfScope, visibleParent } from './region-access.ts'

const query = z.object({
  level: z.enum(['district', 'township']),
  parent: regionCode.optional(),
  indicator: indicatorCode.default('all'),
  normalize: z.enum(['none', 'per10k']).default('none'),
  compare: z.enum(['none', 'mom', 'yoy']).default('none'),
  classify: z.enum(['quantile', 'jenks', 'equal']).default('quantile'),
  k: z.coerce.number().int().min(3).max(9).default(5),
}).and(periodRange)

const childLevel = { city: 'district', district: 'township', township: null } as const

export const choroplethRoutes = new Hono<AppEnv>()
  .get('/', validate('query', query), async (c) => {
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    const to = q.to ?? q.period
    const span = monthSpan(q.period, to)
    // MoM compares with the span just before; YoY with the same months a year earlier.
    const shift = q.compare === 'mom' ? span : q.compare === 'yoy' ? 12 : 0
    const previous = shift ? { from: addMonths(q.period, -shift), to: addMonths(to, -shift) } : null
    const rows = await read(c, db => choroplethRows(db, {
      level: q.level,
      parent: q.parent ?? null,
      leaves: catalog.leaves(q.indicator),
      current: { from: q.period, to },
      previous,
    }))
    // Children came back, so the parent is visible and of the right level. Only an empty answer
    // needs the extra lookups that tell a 404 or a 400 from a parent with nothing below it.
    if (q.parent && rows.length === 0) {
      const above = await ancestorsOfScope(c)
      const parent = await read(c, db => visibleParent(db, above, q.parent!))
      if (childLevel[parent.level] !== q.level)
        fail(400, 'invalid_parameter', `parent ${q.parent} is a ${parent.level}; its children are ${childLevel[parent.level] ?? 'none'}, not ${q.level}`)
    }
    const scale = (v: number | null, pop: number | null) => v === null ? null : q.normalize === 'per10k' ? per10k(v, pop) : v
    const regions = rows.map((r) => {
      const value = scale(r.value, r.population)
      const prev = scale(r.previous, r.population)
      return { code: r.code, name: r.name, value, previous: prev, ...change(value, prev) }
    })
    const field = q.compare === 'none' ? 'value' : 'change'
    return c.json({
      level: q.level,
      parent: q.parent ?? null,
      indicator: q.indicator,
      period: q.period,
      to,
      normalize: q.normalize,
      compare: q.compare,
      classify: q.classify,
      k: q.k,
      regions,
      breaks: classBreaks(regions.map(r => r[field]), q.classify, q.k),
      method: {
        field,
        classify: q.classify,
        k: q.k,
        normalize: q.normalize,
        compare: q.compare,
        previousPeriod: previous,
        months: span,
        note: q.normalize === 'per10k'
          ? 'Counts summed over the months, per 10,000 residents (populations flagged synthetic are synthetic).'
          : 'Counts summed over the months from the region × sub-class × month rollup.',
      },
    })
  })
