import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { allow, read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { coverageRows } from '../queries/response-coverage.ts'
import { coverageRowsByArea } from '../queries/road-network.ts'
import { blindSpotQuery, blindSpots } from '../response/blind-spots.ts'
import { methodCard, networkActive, reachMethodState, unitsReach } from '../response/network-reach.ts'
import { coverageQuery } from '../response/schemas.ts'
import { reachSteps } from '../response/speeds.ts'
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
    const input = { level: q.level, parent: q.parent ?? null, from, to, leaves: catalog.leaves(q.indicator) }
    const { rows, state } = await read(c, async (db) => {
      const state = await reachMethodState(db)
      if (!networkActive(state))
        return { state, rows: await coverageRows(db, { ...input, radii: [steps[0]!.metres, steps[1]!.metres, steps[2]!.metres] }) }
      // Network reach: each unit's areas once for this request, then containment per event.
      const ids = (await db.query<{ id: number }>('SELECT id FROM response_unit ORDER BY id')).map(r => r.id)
      const reach = await unitsReach(db, ids, speeds, state)
      const areas = { ids: reach.map(r => r.id), within1: reach.map(r => JSON.stringify(r.areas[0])), within3: reach.map(r => JSON.stringify(r.areas[1])), within5: reach.map(r => JSON.stringify(r.areas[2])) }
      return { state, rows: await coverageRowsByArea(db, input, areas) }
    })
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
        ...methodCard(state, speeds),
        onDuty: 'a unit counts for an event only if one of its duty windows holds the event\'s time in Asia/Shanghai (no windows: around the clock)',
        scope: 'only units in your region scope count',
        shares: 'cumulative: within 3 minutes includes within 1; null where a region has no events',
      },
    })
  })
  // Which reach method is active, so the UI can say "straight-line approximation" when it is.
  .get('/method', allow('read'), async (c) => {
    const state = await read(c, db => reachMethodState(db))
    return c.json({ method: methodCard(state, speedsOf(c)) })
  })
  .get('/blind-spots', allow('read'), validate('query', blindSpotQuery), async (c) => {
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    const speeds = speedsOf(c)
    const to = q.to ?? addMonths(currentShanghaiMonth(), -1)
    const from = addMonths(to, 1 - q.months)
    const input = { region: q.region, from, to, leaves: catalog.leaves(q.indicator), size: q.size, min: q.min, limit: q.limit }
    const { state, result } = await read(c, async (db) => {
      const state = await reachMethodState(db)
      return { state, result: await blindSpots(db, input, speeds, state) }
    })
    return c.json({
      type: 'FeatureCollection' as const,
      region: q.region,
      from,
      to,
      months: q.months,
      indicator: q.indicator,
      size: q.size,
      min: q.min,
      limit: q.limit,
      features: result.features,
      summary: { events: result.events, uncovered: result.uncovered, cellsWithEvents: result.cellsWithEvents, blindSpots: result.candidates },
      method: {
        ...methodCard(state, speeds),
        grid: 'hex',
        srid: result.srid,
        blindSpot: `a hexagon of ${q.size} m with at least ${q.min} events in the period that were not within 5 minutes of a unit on duty at the event's time; ranked by those uncovered events (then all events), the first ${q.limit} returned`,
        onDuty: 'a unit counts for an event only if one of its duty windows holds the event\'s time in Asia/Shanghai (no windows: around the clock)',
        scope: 'only units and events in your region scope count',
      },
    })
  })
