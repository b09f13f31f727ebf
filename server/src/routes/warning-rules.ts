import type { Context } from 'hono'
import type { Queryable } from '../db/database.ts'
import type { AppEnv } from '../http/env.ts'
import type { RuleRow } from '../queries/warning-rules.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../http/errors.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'
import { appendAudit } from '../queries/audit.ts'
import { getRegion } from '../queries/regions.ts'
import { deleteRule, getRule, insertRule, listRules, updateRule } from '../queries/warning-rules.ts'
import { checkRule, ruleBody, ruleParams, rulePatch } from '../warnings/rules.ts'

const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })
const versionQuery = z.object({ version: z.coerce.number().int().positive() })

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

/** A rule with its parameters' defaults filled in, as the evaluation reads them. */
function view(r: RuleRow) {
  const parsed = ruleParams[r.kind].safeParse(r.params)
  return { ...r, params: parsed.success ? (parsed.data as Record<string, unknown>) : r.params }
}

/**
 * Locks a rule for an edit. A rule above the scope (or global) is visible but the update policy
 * hides it from FOR UPDATE: only a scope that holds the rule's region may change it.
 */
async function lockRule(db: Queryable, id: number): Promise<RuleRow> {
  if (!(await getRule(db, id)))
    fail(404, 'not_found', `no warning rule ${id}`)
  const row = await getRule(db, id, true)
  if (!row)
    fail(403, 'forbidden', `warning rule ${id} applies beyond your scope`)
  return row
}

/** Early-warning rules (issue 7 §4): every signed-in role reads them, admins change them, audited. */
export const warningRuleRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), async (c) => {
    const rules = await read(c, db => listRules(db))
    return c.json({ rules: rules.map(view) })
  })
  .post('/', allow('admin'), validate('json', ruleBody), async (c) => {
    const body = c.req.valid('json')
    const checked = checkRule(c.get('deps').catalog, body)
    const w = who(c)
    if (w.scope !== '*' && body.region === null)
      fail(403, 'forbidden', 'a rule for every region needs the unrestricted scope; give the rule a region in your scope')
    const rule = await write(c, async (db) => {
      if (body.region && !(await getRegion(db, body.region)))
        fail(404, 'unknown_region', `unknown region "${body.region}"`)
      const id = await insertRule(db, { ...body, ...checked, actor: w.actor })
      const row = (await getRule(db, id))!
      await appendAudit(db.client, { actor: w.actor, action: 'warning_rule.create', entity: 'warning_rule', entityId: String(id), before: null, after: row, requestId: w.requestId, scope: w.scope })
      return row
    })
    return c.json({ rule: view(rule) }, 201)
  })
  .patch('/:id', allow('admin'), validate('param', idParam), validate('json', rulePatch), async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const w = who(c)
    const rule = await write(c, async (db) => {
      const before = await lockRule(db, id)
      if (before.version !== body.version)
        fail(409, 'stale_version', `warning rule ${id} is at version ${before.version}, not ${body.version}: reload it`)
      const next = {
        name: body.name ?? before.name,
        indicator: body.indicator === undefined ? before.indicator : body.indicator,
        level: body.level ?? before.level,
        params: body.params ?? before.params,
        severity: body.severity ?? before.severity,
        enabled: body.enabled ?? before.enabled,
        note: body.note ?? before.note,
      }
      const checked = checkRule(c.get('deps').catalog, { kind: before.kind, ...next })
      await updateRule(db, id, { ...next, ...checked, actor: w.actor })
      const after = (await getRule(db, id))!
      await appendAudit(db.client, { actor: w.actor, action: 'warning_rule.update', entity: 'warning_rule', entityId: String(id), before, after, requestId: w.requestId, scope: w.scope })
      return after
    })
    return c.json({ rule: view(rule) })
  })
  .delete('/:id', allow('admin'), validate('param', idParam), validate('query', versionQuery), async (c) => {
    const { id } = c.req.valid('param')
    const { version } = c.req.valid('query')
    const w = who(c)
    const rule = await write(c, async (db) => {
      const before = await lockRule(db, id)
      if (before.version !== version)
        fail(409, 'stale_version', `warning rule ${id} is at version ${before.version}, not ${version}: reload it`)
      await deleteRule(db, id)
      await appendAudit(db.client, { actor: w.actor, action: 'warning_rule.delete', entity: 'warning_rule', entityId: String(id), before, after: null, requestId: w.requestId, scope: w.scope })
      return before
    })
    return c.json({ deleted: view(rule) })
  })
