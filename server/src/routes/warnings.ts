import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { WarningRow } from '../queries/warnings.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../http/errors.ts'
import { month, regionCode } from '../http/params.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { appendAudit } from '../queries/audit.ts'
import { ackWarning, closeWarning, countWarnings, getWarning, listWarnings } from '../queries/warnings.ts'
import { indicatorName } from '../warnings/names.ts'
import { announceWarnings, evaluateWarnings } from '../warnings/service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })
const listQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'closed']).optional(),
  severity: z.enum(['notice', 'warning']).optional(),
  region: regionCode.optional(),
  period: month.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
})
const ackBody = z.object({ note: z.string().trim().max(2000).default('') }).strict()
const closeBody = z.object({ note: z.string().trim().min(1, 'closing a warning needs a note').max(2000) }).strict()
const evaluateQuery = z.object({ period: month })

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

function view(w: WarningRow) {
  return { ...w, indicatorName: indicatorName(w.indicator) }
}

/**
 * Acknowledge or close a warning, audited, in one transaction. `refusal` says why the warning's
 * status does not allow the step (a 409 "warning <id> <refusal>"), or null when it does.
 */
async function changeStatus(c: Context<AppEnv>, id: number, note: string, action: 'warning.ack' | 'warning.close', apply: typeof ackWarning, refusal: (status: WarningRow['status']) => string | null): Promise<WarningRow> {
  const w = who(c)
  return write(c, async (db) => {
    const before = await getWarning(db, id, true)
    if (!before)
      fail(404, 'not_found', `no warning ${id}`)
    const refused = refusal(before.status)
    if (refused)
      fail(409, 'invalid_state', `warning ${id} ${refused}`)
    await apply(db, id, w.actor, note)
    const after = (await getWarning(db, id))!
    await appendAudit(db.client, { actor: w.actor, action, entity: 'warning', entityId: String(id), before: { status: before.status }, after: { status: after.status, note }, requestId: w.requestId, scope: w.scope })
    return after
  })
}

/** Early warnings (issue 7 §4): the list in scope, evaluation per period, acknowledge and close. */
export const warningRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', listQuery), async (c) => {
    const q = c.req.valid('query')
    const { rows, counts } = await read(c, async db => ({ rows: await listWarnings(db, q), counts: await countWarnings(db) }))
    return c.json({ warnings: rows.map(view), counts })
  })
  .post('/evaluate', allow('admin'), validate('query', evaluateQuery), async (c) => {
    const { period } = c.req.valid('query')
    const result = await write(c, db => evaluateWarnings(db.client, c.get('deps').catalog, [period], who(c)))
    // After the commit: a wall must not hear of a warning that could still roll back.
    announceWarnings(result.fresh)
    const { fresh, ...rest } = result
    return c.json({ ...rest, new: fresh.map(view) })
  })
  .get('/:id', allow('read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param')
    const row = await read(c, db => getWarning(db, id))
    if (!row)
      fail(404, 'not_found', `no warning ${id}`)
    return c.json({ warning: view(row) })
  })
  .post('/:id/ack', allow('edit'), validate('param', idParam), validate('json', ackBody), async (c) => {
    const { id } = c.req.valid('param')
    const { note } = c.req.valid('json')
    const row = await changeStatus(c, id, note, 'warning.ack', ackWarning, status => status === 'open' ? null : `is ${status}: only an open warning can be acknowledged`)
    return c.json({ warning: view(row) })
  })
  .post('/:id/close', allow('edit'), validate('param', idParam), validate('json', closeBody), async (c) => {
    const { id } = c.req.valid('param')
    const { note } = c.req.valid('json')
    const row = await changeStatus(c, id, note, 'warning.close', closeWarning, status => status === 'closed' ? 'is already closed' : null)
    return c.json({ warning: view(row) })
  })
