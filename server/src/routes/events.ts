import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../http/errors.ts'
import { read } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { getEvent } from '../queries/events.ts'

// event.id is a bigserial; 15 digits stay exact as a JS number.
const params = z.object({ id: z.string().regex(/^[1-9]\d{0,14}$/, 'expected a positive integer event id').transform(Number) })

export const eventRoutes = new Hono<AppEnv>()
  .get('/:id', validate('param', params), async (c) => {
    const { id } = c.req.valid('param')
    const { catalog } = c.get('deps')
    const e = await read(c, db => getEvent(db, id))
    if (!e)
      fail(404, 'unknown_event', `unknown event ${id}`)
    const indicator = catalog.get(e.indicator)
    return c.json({
      id: e.id,
      source: e.source,
      sourceId: e.sourceId,
      indicator: { code: e.indicator, name: { zh: indicator?.nameZh ?? e.indicator, en: indicator?.nameEn ?? e.indicator } },
      occurredAt: e.occurredAt,
      lon: e.lon,
      lat: e.lat,
      input: { crs: e.inputCrs, lon: e.inputLon, lat: e.inputLat },
      township: { code: e.township, name: e.townshipName },
      attrs: e.attrs,
    })
  })
