import type { Context } from 'hono'
import type { Queryable } from '../db/database.ts'
import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { per10k } from '../analysis/change.ts'
import { addMonths, monthRange } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { regionTrend } from '../queries/choropleth.ts'
import { getRegion } from '../queries/regions.ts'
import { descendantCounts, regionFrames } from '../queries/wall-data.ts'
import { getPlaylist, listPlaylists } from '../queries/wall-playlists.ts'
import { countChange } from '../wall/change-summary.ts'
import { kpiTiles } from '../wall/kpis.ts'
import { indicatorNames } from '../wall/labels.ts'
import { createBody, deleteQuery, idParam, kpisQuery, patchBody, tickerQuery, topQuery, tourQuery, trendQuery } from '../wall/schemas.ts'
import { createPlaylist, editPlaylist, playlistView, removePlaylist } from '../wall/service.ts'
import { shanghaiMonthEndExclusive } from '../wall/shanghai-days.ts'
import { tickerItems } from '../wall/ticker.ts'
import { significantChanges, tourLine } from '../wall/tour.ts'

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

function knownIndicator(c: Context<AppEnv>, code: string): string[] {
  const { catalog } = c.get('deps')
  if (!catalog.has(code))
    fail(404, 'unknown_indicator', `unknown indicator "${code}"`)
  return catalog.leaves(code)
}

/** The region must be visible: out of scope reads as unknown. */
async function visibleRegion(db: Queryable, code: string) {
  const region = await getRegion(db, code)
  if (!region)
    fail(404, 'not_found', `unknown region ${code}`)
  return region
}

export const wallRoutes = new Hono<AppEnv>()
  .get('/playlists', allow('read'), async (c) => {
    const rows = await read(c, db => listPlaylists(db))
    return c.json({ playlists: rows.map(playlistView) })
  })
  .post('/playlists', allow('admin'), validate('json', createBody), async (c) => {
    const body = c.req.valid('json')
    const row = await write(c, db => createPlaylist(db, c.get('deps').catalog, body, who(c)))
    return c.json({ playlist: playlistView(row) }, 201)
  })
  .get('/playlists/:id', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const row = await read(c, db => getPlaylist(db, id))
    if (!row)
      fail(404, 'not_found', `no wall playlist ${id}`)
    return c.json({ playlist: playlistView(row) })
  })
  .patch('/playlists/:id', allow('admin'), validate('param', idParam), validate('json', patchBody), async (c) => {
    const { id } = c.req.valid('param')
    const row = await write(c, db => editPlaylist(db, c.get('deps').catalog, id, c.req.valid('json'), who(c)))
    return c.json({ playlist: playlistView(row) })
  })
  .delete('/playlists/:id', allow('admin'), validate('param', idParam), validate('query', deleteQuery), async (c) => {
    const { id } = c.req.valid('param')
    const row = await write(c, db => removePlaylist(db, id, c.req.valid('query').version, who(c)))
    return c.json({ deleted: playlistView(row) })
  })
  .get('/kpis', allow('read'), validate('query', kpisQuery), async (c) => {
    const q = c.req.valid('query')
    const now = Date.now()
    const month = q.month ?? currentShanghaiMonth(now)
    // A past month is shown as of its end; the current (or a future) month as of now.
    const refMs = Math.min(now, shanghaiMonthEndExclusive(month) - 1)
    const tiles = await read(c, async (db) => {
      const p = await getPlaylist(db, q.playlist)
      return p && kpiTiles(db, c.get('deps').catalog, p.kpis, p.region, month, refMs)
    })
    if (!tiles)
      fail(404, 'not_found', `no wall playlist ${q.playlist}`)
    return c.json({ asOf: new Date(refMs).toISOString(), month, tiles })
  })
  .get('/top', allow('read'), validate('query', topQuery), async (c) => {
    const q = c.req.valid('query')
    const leaves = knownIndicator(c, q.indicator)
    const month = q.month ?? currentShanghaiMonth()
    const polarity = c.get('deps').catalog.get(q.indicator)?.polarity ?? undefined
    const rows = await read(c, async (db) => {
      await visibleRegion(db, q.region)
      return descendantCounts(db, { region: q.region, leaves, month, previous: addMonths(month, -1), levels: ['township'] })
    })
    const items = rows
      .sort((a, b) => b.current - a.current || a.code.localeCompare(b.code))
      .slice(0, q.n)
      .map(r => ({ code: r.code, name: r.name, value: r.current, per10k: per10k(r.current, r.population), mom: countChange(r.current, r.previous, polarity) }))
    return c.json({ month, items })
  })
  .get('/trend', allow('read'), validate('query', trendQuery), async (c) => {
    const q = c.req.valid('query')
    const leaves = knownIndicator(c, q.indicator)
    const to = q.month ?? currentShanghaiMonth()
    const months = monthRange(addMonths(to, 1 - q.months), to)
    const series = await read(c, async (db) => {
      await visibleRegion(db, q.region)
      return regionTrend(db, q.region, leaves, { from: months[0]!, to })
    })
    return c.json({ months, values: months.map(m => series.get(m) ?? 0) })
  })
  .get('/tour', allow('read'), validate('query', tourQuery), async (c) => {
    const q = c.req.valid('query')
    const leaves = knownIndicator(c, q.indicator)
    const { catalog } = c.get('deps')
    const month = q.month ?? currentShanghaiMonth()
    const names = indicatorNames(catalog, q.indicator)
    const found = await read(c, async (db) => {
      await visibleRegion(db, q.region)
      const rows = await descendantCounts(db, { region: q.region, leaves, month, previous: addMonths(month, -1), levels: ['district', 'township'] })
      const stops = significantChanges(rows, q.limit, catalog.get(q.indicator)?.polarity ?? undefined)
      return { stops, frames: await regionFrames(db, stops.map(s => s.code)) }
    })
    const stops = found.stops.map(s => ({
      code: s.code,
      name: s.name,
      level: s.level,
      ...found.frames.get(s.code)!,
      current: s.current,
      previous: s.previous,
      change: s.change,
      changePct: s.changePct,
      z: s.z,
      flag: s.flag,
      line: tourLine(s, names),
    }))
    return c.json({ month, stops })
  })
  .get('/ticker', allow('read'), validate('query', tickerQuery), async (c) => {
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    const items = await read(c, async (db) => {
      await visibleRegion(db, q.region)
      return tickerItems(db, catalog, q.region, q.limit)
    })
    return c.json({ items })
  })
