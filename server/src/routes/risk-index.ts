import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { z } from 'zod'
import { DEFAULT_RISK_INDEX_CONFIG } from '../analysis/risk-index-config.ts'
import { explainEmptyParent } from '../health/changes-parent.ts'
import { configBody, leafChoices, loadConfig, saveConfig } from '../health/risk-index-config-store.ts'
import { riskIndexOf } from '../health/risk-index-service.ts'
import { periodRange, regionCode } from '../http/params.ts'
import { actorOf } from '../http/principal.ts'
import { allow, read, write } from '../http/scoped.ts'
import { validate } from '../http/validate.ts'

const query = z.object({
  level: z.enum(['district', 'township']),
  parent: regionCode.optional(),
}).and(periodRange)

function who(c: Context<AppEnv>) {
  const p = c.get('principal')
  return { actor: actorOf(p), scope: p.scope, requestId: c.get('requestId') ?? null }
}

export const riskIndexRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), validate('query', query), async (c) => {
    const q = c.req.valid('query')
    const { catalog } = c.get('deps')
    const period = { from: q.period, to: q.to ?? q.period }
    const { scope } = c.get('principal')
    const out = await read(c, async (db) => {
      const cfg = await loadConfig(db, scope)
      return { cfg, ...(await riskIndexOf(db, catalog, cfg.config, { level: q.level, parent: q.parent ?? null, period })) }
    })
    if (q.parent && out.regions.length === 0)
      await explainEmptyParent(c, q.parent, q.level)
    return c.json({
      level: q.level,
      parent: q.parent ?? null,
      period: period.from,
      to: period.to,
      regions: out.regions,
      method: out.method,
      config: { version: out.cfg.version, scope: out.cfg.scope },
    })
  })
  .get('/config', allow('read'), async (c) => {
    const { scope } = c.get('principal')
    const cfg = await read(c, db => loadConfig(db, scope))
    return c.json({ ...cfg, defaults: DEFAULT_RISK_INDEX_CONFIG, leaves: leafChoices(c.get('deps').catalog) })
  })
  .put('/config', allow('admin'), validate('json', configBody), async (c) => {
    const body = c.req.valid('json')
    const saved = await write(c, db => saveConfig(db, body, who(c)))
    return c.json(saved)
  })
