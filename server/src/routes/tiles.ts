import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../http/errors.ts'
import { indicatorCode, periodRange } from '../http/params.ts'
import { read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { tileFeatures, tileMvt } from '../queries/tiles.ts'
import { encodeEventTile } from '../tiles/encode.ts'
import { etagOf, matchesIfNoneMatch } from '../tiles/etag.ts'

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile'
const MAX_ZOOM = 22

const tileIndex = z.string().regex(/^\d{1,7}$/, 'expected a non-negative integer').transform(Number)
const params = z.object({
  z: tileIndex.pipe(z.number().max(MAX_ZOOM, `zoom must be 0..${MAX_ZOOM}`)),
  x: tileIndex,
  y: z.string().regex(/^\d{1,7}\.mvt$/, 'expected {y}.mvt').transform(s => Number(s.slice(0, -4))),
}).superRefine((t, ctx) => {
  const n = 2 ** t.z
  for (const k of ['x', 'y'] as const) {
    if (t[k] >= n)
      ctx.addIssue({ code: 'custom', path: [k], message: `must be 0..${n - 1} at zoom ${t.z}` })
  }
})
const query = z.object({ indicator: indicatorCode.default('all') }).and(periodRange)

export const tileRoutes = new Hono<AppEnv>()
  .get('/events/:z/:x/:y', validate('param', params), validate('query', query), async (c) => {
    const { z: zoom, x, y } = c.req.valid('param')
    const q = c.req.valid('query')
    const { catalog, db } = c.get('deps')
    if (!catalog.has(q.indicator))
      fail(404, 'unknown_indicator', `unknown indicator "${q.indicator}"`)
    const request = { z: zoom, x, y, leaves: catalog.leaves(q.indicator), months: { from: q.period, to: q.to ?? q.period } }
    // PGlite's postgis has no protobuf: the same feature rows are encoded in JS there.
    const bytes = await read(c, async s => db.kind === 'server' ? tileMvt(s, request) : encodeEventTile(await tileFeatures(s, request)))
    const etag = etagOf(bytes)
    // Tiles are scoped per principal: cache privately, per credential.
    c.header('ETag', etag)
    c.header('Cache-Control', 'private, max-age=60')
    c.header('Vary', 'Authorization, Cookie')
    if (matchesIfNoneMatch(c.req.header('if-none-match'), etag))
      return c.body(null, 304)
    // An empty tile is an empty 200 body with the MVT type, which MapLibre draws as nothing.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': MVT_TYPE })
  })
