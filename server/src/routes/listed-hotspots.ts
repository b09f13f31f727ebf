import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { HotspotRow } from '../queries/listed-hotspots.ts'
import { Hono } from 'hono'
import { addMonths } from '../analysis/months.ts'
import { runGistar } from '../hotspots/gistar-service.ts'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { buildEvidence } from '../listed/evidence.ts'
import { disposition, exportRows, toCsv, toXlsx } from '../listed/export.ts'
import { isOverdue, shanghaiToday, transitions } from '../listed/lifecycle.ts'
import { createBody, evidenceQuery, idParam, listFilters, patchBody, transitionBody } from '../listed/schemas.ts'
import { createHotspot, editHotspot, leavesOf, transitionHotspot } from '../listed/service.ts'
import { getHotspot, listHotspots, listTransitions } from '../queries/listed-hotspots.ts'

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

/** A hotspot as the client sees it: the row, `overdue`, and the moves its state allows. */
function view(h: HotspotRow, today: string) {
  return { ...h, overdue: isOverdue(h, today), allowedTransitions: transitions[h.status] }
}

function feature(h: HotspotRow, today: string) {
  return {
    type: 'Feature' as const,
    id: h.id,
    geometry: h.geometry,
    properties: {
      id: h.id,
      name: h.name,
      status: h.status,
      overdue: isOverdue(h, today),
      unit: h.responsibleUnit,
      listedOn: h.listedOn,
      deadline: h.deadline,
      indicators: h.indicators,
      centroid: h.centroid,
      region: h.region,
      version: h.version,
    },
  }
}

export const listedHotspotRoutes = new Hono<AppEnv>()
  // Before '/:id', which would otherwise take "export.csv" as an id.
  .get('/export.csv', allow('export'), validate('query', listFilters), async (c) => {
    const today = shanghaiToday()
    const rows = await read(c, db => listHotspots(db, c.req.valid('query'), today))
    return c.body(toCsv(exportRows(rows, today)), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition('csv', today) })
  })
  .get('/export.xlsx', allow('export'), validate('query', listFilters), async (c) => {
    const today = shanghaiToday()
    const rows = await read(c, db => listHotspots(db, c.req.valid('query'), today))
    const bytes = await toXlsx(exportRows(rows, today))
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': disposition('xlsx', today) })
  })
  .get('/', allow('read'), validate('query', listFilters), async (c) => {
    const today = shanghaiToday()
    const rows = await read(c, db => listHotspots(db, c.req.valid('query'), today))
    return c.json({ type: 'FeatureCollection' as const, today, features: rows.map(h => feature(h, today)) })
  })
  .post('/', allow('edit'), validate('json', createBody), async (c) => {
    const body = c.req.valid('json')
    const row = await write(c, db => createHotspot(db, c.get('deps').catalog, body, who(c)))
    return c.json({ hotspot: view(row, shanghaiToday()) }, 201)
  })
  .get('/:id', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const found = await read(c, async (db) => {
      const h = await getHotspot(db, id)
      return h && { h, transitions: await listTransitions(db, id) }
    })
    if (!found)
      fail(404, 'not_found', `no listed hotspot ${id}`)
    return c.json({ hotspot: view(found.h, shanghaiToday()), transitions: found.transitions })
  })
  .patch('/:id', allow('edit'), validate('param', idParam), validate('json', patchBody), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const row = await write(c, db => editHotspot(db, c.get('deps').catalog, id, body, who(c)))
    return c.json({ hotspot: view(row, shanghaiToday()) })
  })
  .post('/:id/transitions', allow('edit'), validate('param', idParam), validate('json', transitionBody), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const result = await write(c, db => transitionHotspot(db, c.get('deps').catalog, id, body, who(c), runGistar))
    return c.json({ hotspot: view(result.hotspot, shanghaiToday()), transition: result.transition }, 201)
  })
  .get('/:id/evidence', allow('read'), validate('param', idParam), validate('query', evidenceQuery), async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    const last = q.to ?? addMonths(currentShanghaiMonth(), -1)
    const evidence = await read(c, async (db) => {
      const h = await getHotspot(db, id)
      return h && buildEvidence(db, h, { months: q.months, last, leaves: leavesOf(catalog, h.indicators) }, runGistar)
    })
    if (!evidence)
      fail(404, 'not_found', `no listed hotspot ${id}`)
    return c.json({ evidence })
  })
