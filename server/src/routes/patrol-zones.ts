import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { ZoneRow } from '../queries/patrol-zones.ts'
import { Hono } from 'hono'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { zoneHeatmap } from '../patrol/heatmap.ts'
import { createBody, deleteQuery, heatmapQuery, idParam, listQuery, patchBody } from '../patrol/schemas.ts'
import { createZone, editZone, removeZone } from '../patrol/service.ts'
import { getZone, listZones } from '../queries/patrol-zones.ts'

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

function feature(z: ZoneRow) {
  const { geometry, ...properties } = z
  return { type: 'Feature' as const, id: z.id, geometry, properties }
}

export const patrolZoneRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', listQuery), async (c) => {
    const rows = await read(c, db => listZones(db, c.req.valid('query')))
    return c.json({ type: 'FeatureCollection' as const, features: rows.map(feature) })
  })
  .post('/', allow('edit'), validate('json', createBody), async (c) => {
    const body = c.req.valid('json')
    const zone = await write(c, db => createZone(db, body, who(c)))
    return c.json({ zone: feature(zone) }, 201)
  })
  .get('/:id', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const zone = await read(c, db => getZone(db, id))
    if (!zone)
      fail(404, 'not_found', `no patrol zone ${id}`)
    return c.json({ zone: feature(zone) })
  })
  .patch('/:id', allow('edit'), validate('param', idParam), validate('json', patchBody), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const zone = await write(c, db => editZone(db, id, body, who(c)))
    return c.json({ zone: feature(zone) })
  })
  .delete('/:id', allow('edit'), validate('param', idParam), validate('query', deleteQuery), async (c) => {
    const { id } = c.req.valid('param')
    const { version } = c.req.valid('query')
    const zone = await write(c, db => removeZone(db, id, version, who(c)))
    return c.json({ deleted: feature(zone) })
  })
  .get('/:id/heatmap', allow('read'), validate('param', idParam), validate('query', heatmapQuery), async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    // The last N complete months by default, as the coverage and the listed-hotspot evidence count them.
    const to = q.to ?? addMonths(currentShanghaiMonth(), -1)
    const from = addMonths(to, 1 - q.months)
    const heatmap = await read(c, async (db) => {
      const zone = await getZone(db, id)
      return zone && zoneHeatmap(db, zone, { leaves: catalog.leaves(q.indicator), from, to, hours: q.hours, by: q.by, top: q.top })
    })
    if (!heatmap)
      fail(404, 'not_found', `no patrol zone ${id}`)
    return c.json({ heatmap: { ...heatmap, months: q.months, indicator: q.indicator } })
  })
