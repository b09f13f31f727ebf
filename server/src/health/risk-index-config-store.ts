import type { RiskIndexConfig } from '../analysis/risk-index-config.ts'
import type { Scoped } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { Actor } from '../wall/service.ts'
import { z } from 'zod'
import { classLeaves, DEFAULT_RISK_INDEX_CONFIG, riskIndexConfigSchema, subclassLeaves } from '../analysis/risk-index-config.ts'
import { fail } from '../http/errors.ts'
import { appendAudit } from '../queries/audit.ts'
import { effectiveConfig, insertConfig, updateConfig } from '../queries/risk-index.ts'

/** PUT body: a whole configuration (omitted fields take the defaults) and the version it replaces. */
export const configBody = riskIndexConfigSchema.extend({ version: z.number().int().min(0).max(2_147_483_647) }).strict()

export interface EffectiveConfig {
  config: RiskIndexConfig
  /** 0 while no row applies (the defaults). */
  version: number
  /** The scope whose row applies ('*' global), or null for the defaults. */
  scope: string | null
  updatedBy: string | null
  updatedAt: string | null
}

/** The configuration a scope uses. A stored row that no longer validates (e.g. a retired code) is refused loudly. */
export async function loadConfig(db: Scoped, scope: string): Promise<EffectiveConfig> {
  const row = await effectiveConfig(db, scope)
  if (!row)
    return { config: DEFAULT_RISK_INDEX_CONFIG, version: 0, scope: null, updatedBy: null, updatedAt: null }
  const parsed = riskIndexConfigSchema.safeParse(row.config)
  if (!parsed.success)
    fail(500, 'invalid_stored_config', `the stored risk index configuration of scope ${row.scope} no longer validates: ${parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return { config: parsed.data, version: row.version, scope: row.scope, updatedBy: row.updatedBy, updatedAt: row.updatedAt }
}

/**
 * Saves the configuration of the writer's own scope. `version` is the version the writer read
 * (inherited or its own); anything else is 409. The first write of a scope inserts its row.
 */
export async function saveConfig(db: Scoped, body: z.output<typeof configBody>, who: Actor): Promise<EffectiveConfig> {
  // No row lock: the update names the version it replaces and a first insert is unique per scope,
  // so of two concurrent writers one gets 409. (A lock would also be refused on an inherited row.)
  const before = await loadConfig(db, who.scope)
  const stale = (): never => fail(409, 'version_conflict', `the risk index configuration has changed since you read it (version ${before.version}, you sent ${body.version}); reload it and try again`, { currentVersion: before.version })
  if (body.version !== before.version)
    return stale()
  const { version: _, ...config } = body
  const own = before.scope === who.scope
  const row = own
    ? await updateConfig(db, { scope: who.scope, config, expected: body.version, actor: who.actor })
    : await insertConfig(db, { scope: who.scope, config, version: body.version + 1, actor: who.actor })
  if (!row)
    return stale()
  await appendAudit(db.client, { ...who, action: 'risk_index_config.update', entity: 'risk_index_config', entityId: who.scope, before, after: row })
  return { config, version: row.version, scope: row.scope, updatedBy: row.updatedBy, updatedAt: row.updatedAt }
}

/** The leaves an editor offers, with their catalog names. */
export function leafChoices(catalog: Catalog) {
  const named = (l: { code: string, stage: string, reversed: boolean }) => {
    const row = catalog.get(l.code)
    return { ...l, name: { zh: row?.nameZh ?? l.code, en: row?.nameEn ?? l.code } }
  }
  return { class: classLeaves().map(named), subclass: subclassLeaves().map(named) }
}
