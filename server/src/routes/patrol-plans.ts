import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { patrolRoute } from '../planning/route.ts'
import { createBody, idParam, listQuery, routeBody, solveBody } from '../planning/schemas.ts'
import { comparePlan, createPlan, removePlan } from '../planning/service.ts'
import { solvePlan } from '../planning/solve.ts'
import { getPlan, listPlans } from '../queries/patrol-plans.ts'
import { speedsOf } from './response-units.ts'

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

/** The indicator's sub-classes; 404 for an indicator the catalog does not know. */
function leavesOf(c: Context<AppEnv>, indicator: string): string[] {
  const { catalog } = c.get('deps')
  if (!catalog.has(indicator))
    fail(404, 'unknown_indicator', `unknown indicator "${indicator}"`)
  return catalog.leaves(indicator)
}

export const patrolPlanRoutes = new Hono<AppEnv>()
  .post('/solve', allow('read'), validate('json', solveBody), async (c) => {
    const body = c.req.valid('json')
    const leaves = leavesOf(c, body.indicator)
    const solution = await read(c, db => solvePlan(db, body, leaves, speedsOf(c)))
    return c.json(solution)
  })
  .post('/route', allow('read'), validate('json', routeBody), async (c) => {
    const { points, start, closed } = c.req.valid('json')
    const route = patrolRoute(points.map(([lon, lat]) => ({ lon, lat })), speedsOf(c), { start, closed })
    return c.json(route)
  })
  .get('/', allow('read'), validate('query', listQuery), async (c) => {
    const { region } = c.req.valid('query')
    const plans = await read(c, db => listPlans(db, region ?? null))
    return c.json({ plans })
  })
  .post('/', allow('edit'), validate('json', createBody), async (c) => {
    const body = c.req.valid('json')
    const leaves = leavesOf(c, body.indicator)
    const plan = await write(c, db => createPlan(db, body, leaves, speedsOf(c), who(c)))
    return c.json({ plan }, 201)
  })
  .get('/:id', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const plan = await read(c, db => getPlan(db, id))
    if (!plan)
      fail(404, 'not_found', `no patrol plan ${id}`)
    return c.json({ plan })
  })
  .delete('/:id', allow('edit'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const plan = await write(c, db => removePlan(db, id, who(c)))
    return c.json({ deleted: plan })
  })
  .get('/:id/compare', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const { catalog } = c.get('deps')
    // A plan's indicator the catalog has since dropped compares over nothing rather than failing.
    const comparison = await read(c, db => comparePlan(db, id, ind => catalog.has(ind) ? catalog.leaves(ind) : []))
    return c.json(comparison)
  })
