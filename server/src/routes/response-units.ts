import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { UnitRow } from '../queries/response-units.ts'
import { Hono } from 'hono'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { getUnit, listUnits } from '../queries/response-units.ts'
import { methodCard, reachMethodState, SNAP_M, unitsReach } from '../response/network-reach.ts'
import { createBody, deleteQuery, idParam, listQuery, patchBody } from '../response/schemas.ts'
import { createUnit, editUnit, removeUnit } from '../response/service.ts'
import { defaultSpeeds, reachSteps } from '../response/speeds.ts'

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

/** The configured speeds (RISKMAP_WALK_KMH, RISKMAP_VEHICLE_KMH). */
export function speedsOf(c: Context<AppEnv>) {
  return c.get('services').http.reachSpeeds ?? defaultSpeeds
}

function feature(u: UnitRow) {
  const { lon, lat, ...properties } = u
  return { type: 'Feature' as const, id: u.id, geometry: { type: 'Point' as const, coordinates: [lon, lat] }, properties }
}

export const responseUnitRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', listQuery), async (c) => {
    const rows = await read(c, db => listUnits(db, c.req.valid('query')))
    return c.json({ type: 'FeatureCollection' as const, features: rows.map(feature) })
  })
  .post('/', allow('edit'), validate('json', createBody), async (c) => {
    const body = c.req.valid('json')
    const unit = await write(c, db => createUnit(db, body, who(c)))
    return c.json({ unit: feature(unit) }, 201)
  })
  .get('/:id', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const unit = await read(c, db => getUnit(db, id))
    if (!unit)
      fail(404, 'not_found', `no response unit ${id}`)
    return c.json({ unit: feature(unit) })
  })
  .patch('/:id', allow('edit'), validate('param', idParam), validate('json', patchBody), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const unit = await write(c, db => editUnit(db, id, body, who(c)))
    return c.json({ unit: feature(unit) })
  })
  .delete('/:id', allow('edit'), validate('param', idParam), validate('query', deleteQuery), async (c) => {
    const { id } = c.req.valid('param')
    const { version } = c.req.valid('query')
    const unit = await write(c, db => removeUnit(db, id, version, who(c)))
    return c.json({ deleted: feature(unit) })
  })
  .get('/:id/reach', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const speeds = speedsOf(c)
    const steps = reachSteps(speeds)
    const { state, reach } = await read(c, async (db) => {
      const state = await reachMethodState(db)
      return { state, reach: (await unitsReach(db, [id], speeds, state))[0] }
    })
    if (!reach)
      fail(404, 'not_found', `no response unit ${id}`)
    const method = methodCard(state, speeds)
    // Largest first, so that a map drawing them in order keeps the 1-minute area on top.
    const features = steps.map((s, k) => ({
      type: 'Feature' as const,
      id: s.minutes,
      geometry: reach.areas[k] as { type: 'Polygon' | 'MultiPolygon', coordinates: number[][][] | number[][][][] },
      properties: {
        unitId: id,
        minutes: s.minutes,
        mode: s.mode,
        kmh: s.kmh,
        radiusM: Math.round(s.metres * 10) / 10,
        kind: reach.kind,
        ...(reach.nodes ? { reachedNodes: reach.nodes[k]!.length } : {}),
      },
    })).reverse()
    const unitMethod = reach.kind === 'network'
      ? { ...method, node: reach.node, accessM: Math.round(reach.accessM! * 10) / 10 }
      : method.kind === 'network'
        ? { ...methodCard({ pgrouting: true, edges: 0 }, speeds), roadEdges: state.edges, note: `straight-line approximation: no road node within ${SNAP_M} m of this unit` }
        : method
    return c.json({ type: 'FeatureCollection' as const, unitId: id, features, method: unitMethod })
  })
