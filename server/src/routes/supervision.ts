import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { ListingRow } from '../queries/supervision.ts'
import { Hono } from 'hono'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { shanghaiToday } from '../listed/lifecycle.ts'
import { getListing, listingGeometries, listListings, listNotes } from '../queries/supervision.ts'
import { closureRuleText } from '../supervision/closure.ts'
import { closeBody, createBody, idParam, listFilters, noteBody, patchBody } from '../supervision/schemas.ts'
import { addNote, closeWith, createListing, editListing } from '../supervision/service.ts'

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

/** Overdue: not closed and the deadline is before today (Asia/Shanghai). An overdue listing is flagged for a summons (约谈). */
function view(l: ListingRow, today: string) {
  const overdue = l.status !== 'closed' && l.deadline < today
  return { ...l, overdue, summons: overdue }
}

function filters(q: { status?: 'listed' | 'closed' | undefined, overdue?: 'true' | 'false' | undefined, region?: string | undefined }) {
  return { status: q.status, region: q.region, overdue: q.overdue === undefined ? undefined : q.overdue === 'true' }
}

export const supervisionRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', listFilters), async (c) => {
    const today = shanghaiToday()
    const rows = await read(c, db => listListings(db, filters(c.req.valid('query')), today))
    return c.json({ today, listings: rows.map(l => view(l, today)), method: { closure: closureRuleText, overdue: 'overdue = not closed and the deadline is before today in Asia/Shanghai; an overdue listing is flagged for a summons (约谈)' } })
  })
  // Before '/:id', which would otherwise take "geojson" as an id.
  .get('/geojson', allow('read'), validate('query', listFilters), async (c) => {
    const today = shanghaiToday()
    const { rows, geoms } = await read(c, async (db) => {
      const rows = await listListings(db, filters(c.req.valid('query')), today)
      return { rows, geoms: await listingGeometries(db, rows.map(r => r.id)) }
    })
    // Every listing has a region and every region a display geometry (NOT NULL), so none is missing.
    const features = rows.filter(l => geoms.has(l.id)).map((l) => {
      const v = view(l, today)
      return {
        type: 'Feature' as const,
        id: l.id,
        geometry: geoms.get(l.id)!,
        properties: { id: l.id, region: l.region, regionName: l.regionName, level: l.regionLevel, status: l.status, overdue: v.overdue, summons: v.summons, deadline: l.deadline, unit: l.unit, indicator: l.indicator },
      }
    })
    return c.json({ type: 'FeatureCollection' as const, today, features })
  })
  .post('/', allow('edit'), validate('json', createBody), async (c) => {
    const body = c.req.valid('json')
    const row = await write(c, db => createListing(db, c.get('deps').catalog, body, who(c)))
    return c.json({ listing: view(row, shanghaiToday()) }, 201)
  })
  .get('/:id', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const found = await read(c, async (db) => {
      const l = await getListing(db, id)
      return l && { l, notes: await listNotes(db, id) }
    })
    if (!found)
      fail(404, 'not_found', `no supervision listing ${id}`)
    return c.json({ listing: view(found.l, shanghaiToday()), notes: found.notes })
  })
  .patch('/:id', allow('edit'), validate('param', idParam), validate('json', patchBody), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const row = await write(c, db => editListing(db, c.get('deps').catalog, id, body, who(c)))
    return c.json({ listing: view(row, shanghaiToday()) })
  })
  .post('/:id/notes', allow('edit'), validate('param', idParam), validate('json', noteBody), async (c) => {
    const { id } = c.req.valid('param')
    const { text } = c.req.valid('json')
    const note = await write(c, db => addNote(db, id, text, who(c)))
    return c.json({ note }, 201)
  })
  .post('/:id/close', allow('edit'), validate('param', idParam), validate('json', closeBody), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    if (body.kind === 'admin_reason' && c.get('principal').role !== 'admin')
      fail(403, 'forbidden', `the ${c.get('principal').role} role may not close a listing by reason; only an admin may (close on evidence with kind "indicators")`)
    const row = await write(c, db => closeWith(db, c.get('deps').catalog, id, body, who(c)))
    return c.json({ listing: view(row, shanghaiToday()) })
  })
