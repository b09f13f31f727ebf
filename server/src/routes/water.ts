import type { Context } from 'hono'
import type { ZodType } from 'zod'
import type { AppEnv } from '../http/env.ts'
import type { WaterEntity, WaterRows } from '../queries/water-features.ts'
import type { WaterGeometry } from '../water/geometry.ts'
import { Hono } from 'hono'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { calendarCells } from '../queries/water-calendar.ts'
import { shorelineCoverage } from '../queries/water-coverage.ts'
import { getWater, listWater } from '../queries/water-features.ts'
import { reachSteps } from '../response/speeds.ts'
import { PEAK_RATIO, summariseCalendar } from '../water/calendar.ts'
import { coveringAssetTypes, WATER_INDICATOR } from '../water/kinds.ts'
import { assetCreate, assetPatch, calendarQuery, coverageQuery, deleteQuery, idParam, listQuery, routeCreate, routePatch, zoneCreate, zonePatch } from '../water/schemas.ts'
import { createWater, editWater, removeWater } from '../water/service.ts'
import { ancestorsOfScope, visibleParent } from './region-access.ts'
import { speedsOf } from './response-units.ts'

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

function feature<R extends { id: number, geometry: unknown }>(row: R) {
  const { geometry, ...properties } = row
  return { type: 'Feature' as const, id: row.id, geometry: geometry as R['geometry'], properties }
}

const names: Record<WaterEntity, string> = { zone: 'water zone', asset: 'water asset', route: 'drone route' }

/** One resource's list, read, create, edit and delete: the same shape for zones, assets and routes. */
function crud<E extends WaterEntity, C extends ZodType, P extends ZodType>(e: E, create: C, patch: P) {
  return new Hono<AppEnv>()
    .get('/', allow('read'), validate('query', listQuery), async (c) => {
      const { region } = c.req.valid('query')
      const rows = await read(c, db => listWater(db, e, region ?? null))
      return c.json({ type: 'FeatureCollection' as const, features: rows.map(r => feature<WaterRows[E]>(r)) })
    })
    .post('/', allow('edit'), validate('json', create), async (c) => {
      const body = c.req.valid('json') as Parameters<typeof createWater<E>>[2] & { geometry: WaterGeometry }
      const row = await write(c, db => createWater(db, e, body, who(c)))
      return c.json({ feature: feature<WaterRows[E]>(row) }, 201)
    })
    .get('/:id', allow('read'), validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param')
      const row = await read(c, db => getWater(db, e, id))
      if (!row)
        fail(404, 'not_found', `no ${names[e]} ${id}`)
      return c.json({ feature: feature<WaterRows[E]>(row) })
    })
    .patch('/:id', allow('edit'), validate('param', idParam), validate('json', patch), async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json') as Parameters<typeof editWater<E>>[3]
      const row = await write(c, db => editWater(db, e, id, body, who(c)))
      return c.json({ feature: feature<WaterRows[E]>(row) })
    })
    .delete('/:id', allow('edit'), validate('param', idParam), validate('query', deleteQuery), async (c) => {
      const { id } = c.req.valid('param')
      const { version } = c.req.valid('query')
      const row = await write(c, db => removeWater(db, e, id, version, who(c)))
      return c.json({ deleted: feature<WaterRows[E]>(row) })
    })
}

/** A region parameter: visible in scope or one of the scope's ancestors, else 404. */
async function checkRegion(c: Context<AppEnv>, code: string | undefined) {
  if (!code)
    return
  const above = await ancestorsOfScope(c)
  await read(c, db => visibleParent(db, above, code))
}

export const waterRoutes = new Hono<AppEnv>()
  .route('/zones', crud('zone', zoneCreate, zonePatch))
  .route('/assets', crud('asset', assetCreate, assetPatch))
  .route('/routes', crud('route', routeCreate, routePatch))
  .get('/calendar', allow('read'), validate('query', calendarQuery), async (c) => {
    const q = c.req.valid('query')
    await checkRegion(c, q.region)
    const to = q.to ?? addMonths(currentShanghaiMonth(), -1)
    const from = addMonths(to, 1 - q.months)
    const leaves = c.get('deps').catalog.leaves(WATER_INDICATOR)
    const cells = await read(c, db => calendarCells(db, { leaves, from, to, region: q.region ?? null }))
    return c.json({
      indicator: WATER_INDICATOR,
      region: q.region ?? null,
      from,
      to,
      months: q.months,
      cells,
      ...summariseCalendar(cells),
      method: {
        timeZone: 'Asia/Shanghai',
        peak: `a peak is the run of consecutive bins around the fullest one, each holding at least ${PEAK_RATIO} × the mean bin; peak hours are counted within the peak months`,
      },
    })
  })
  .get('/shoreline-coverage', allow('read'), validate('query', coverageQuery), async (c) => {
    const q = c.req.valid('query')
    await checkRegion(c, q.region)
    const walk = reachSteps(speedsOf(c))[1]!
    const rows = await read(c, db => shorelineCoverage(db, { minDanger: q.minDanger, region: q.region ?? null, radiusM: walk.metres, assetTypes: coveringAssetTypes }))
    const shoreM = rows.reduce((a, r) => a + r.shoreM, 0)
    const coveredM = rows.reduce((a, r) => a + r.coveredM, 0)
    const share = (n: number, of: number) => of > 0 ? Math.round((n / of) * 10_000) / 10_000 : null
    return c.json({
      region: q.region ?? null,
      minDanger: q.minDanger,
      shoreM: Math.round(shoreM * 10) / 10,
      coveredM: Math.round(coveredM * 10) / 10,
      share: share(coveredM, shoreM),
      zones: rows.map(r => ({ ...r, uncoveredM: Math.round((r.shoreM - r.coveredM) * 10) / 10, share: share(r.coveredM, r.shoreM) })),
      method: {
        radiusM: Math.round(walk.metres * 10) / 10,
        walkKmh: walk.kmh,
        minutes: walk.minutes,
        covering: coveringAssetTypes,
        shoreline: 'the zone boundary clipped to the land of the townships in your scope (the far bank of a river outside the loaded map is not counted)',
        note: 'straight-line (geodesic) reach on foot; response units are not counted: a patrol or a police station is not a water-rescue point',
      },
    })
  })
