import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { inputCrsList } from '../import/coords.ts'
import { importEventsCsv } from '../import/events-import.ts'
import { sourcePattern } from '../import/import-context.ts'
import { importValuesCsv } from '../import/values-import.ts'
import { importUnitsCsv } from '../response/units-import.ts'

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024

const limit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => fail(413, 'payload_too_large', `an import may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split the file`),
})
const source = z.string().regex(sourcePattern, 'expected 1–64 letters, digits, _ . or -').default('csv')

async function csvBody(req: Request): Promise<Uint8Array> {
  const type = req.headers.get('content-type') ?? ''
  if (!/^text\/csv\b/i.test(type))
    fail(415, 'unsupported_media_type', 'send the file with Content-Type: text/csv')
  return new Uint8Array(await req.arrayBuffer())
}

function importContext(c: Context<AppEnv>, q: { source: string, filename?: string | undefined }) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId'), source: q.source, filename: q.filename ?? null }
}

export const importRoutes = new Hono<AppEnv>()
  .post('/events', allow('import'), limit, validate('query', z.object({ crs: z.enum(inputCrsList).default('wgs84'), source, filename: z.string().max(255).optional() })), async (c) => {
    const q = c.req.valid('query')
    const bytes = await csvBody(c.req.raw)
    const result = await importEventsCsv(fn => write(c, s => fn(s.client)), c.get('deps').catalog, bytes, q.crs, importContext(c, q))
    return c.json(result, 201)
  })
  .post('/values', allow('import'), limit, validate('query', z.object({ source, filename: z.string().max(255).optional() })), async (c) => {
    const q = c.req.valid('query')
    const bytes = await csvBody(c.req.raw)
    const result = await importValuesCsv(fn => write(c, s => fn(s.client)), c.get('deps').catalog, bytes, importContext(c, q))
    return c.json(result, 201)
  })
  .post('/response-units', allow('edit'), limit, validate('query', z.object({ crs: z.enum(inputCrsList).default('wgs84'), filename: z.string().max(255).optional() })), async (c) => {
    const q = c.req.valid('query')
    const bytes = await csvBody(c.req.raw)
    const p = c.get('principal')
    const result = await importUnitsCsv(fn => write(c, s => fn(s.client)), bytes, q.crs, { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId'), filename: q.filename ?? null })
    return c.json(result, 201)
  })
