import type { PoolClient } from 'pg'
import type { Queryable } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { TransactionRunner } from '../import/import-context.ts'
import type { WarningAnnouncement } from '../live/bus.ts'
import type { WarningRow } from '../queries/warnings.ts'
import type { RuleDef } from '../warnings/rules.ts'
import { liveBus } from '../live/bus.ts'
import { appendAudit } from '../queries/audit.ts'
import { dataMonths } from '../queries/choropleth.ts'
import { listRules } from '../queries/warning-rules.ts'
import { evalCounts, evalRegions, listWarnings, upsertWarnings } from '../queries/warnings.ts'
import { evaluateRules, readWindow } from './evaluate.ts'
import { indicatorName } from './names.ts'

/** An import evaluates at most this many of the months it touched, the latest ones. */
export const IMPORT_EVAL_MONTHS = 3

export interface EvaluationResult {
  months: string[]
  rules: number
  /** Warnings the rules raise for these months (new, refreshed or already decided). */
  fired: number
  inserted: number
  updated: number
  /** The new warnings, to announce once the transaction has committed. */
  fresh: WarningRow[]
}

function queryable(client: PoolClient): Queryable {
  return { query: async (sql, params) => (await client.query(sql, params)).rows }
}

/**
 * Evaluates every enabled rule visible in the transaction's scope for the given months and writes
 * the warnings (one per rule, region, indicator and period). Audited when anything changed.
 */
export async function evaluateWarnings(client: PoolClient, catalog: Catalog, months: string[], who: { actor: string, scope: string, requestId: string | null }): Promise<EvaluationResult> {
  const q = queryable(client)
  const rules = (await listRules(q, { enabledOnly: true })) as RuleDef[]
  const empty = { months, rules: rules.length, fired: 0, inserted: 0, updated: 0, fresh: [] }
  if (!rules.length || !months.length)
    return empty
  const span = await dataMonths(q)
  if (!span)
    return empty
  const [regions, counts] = [await evalRegions(q), await evalCounts(q, readWindow(months, rules))]
  const candidates = evaluateRules({ catalog, rules, regions, counts, dataMonths: span, months })
  const written = await upsertWarnings(q, candidates)
  const newIds = written.filter(w => w.inserted).map(w => w.id)
  const result = { months, rules: rules.length, fired: candidates.length, inserted: newIds.length, updated: written.length - newIds.length }
  if (written.length) {
    await appendAudit(client, {
      actor: who.actor,
      action: 'warnings.evaluate',
      entity: 'warning',
      entityId: null,
      before: null,
      after: { ...result, ids: written.map(w => w.id) },
      requestId: who.requestId,
      scope: who.scope,
    })
  }
  const fresh = newIds.length ? await listWarnings(q, { ids: newIds, limit: newIds.length }) : []
  return { ...result, fresh }
}

export function announcement(w: WarningRow): WarningAnnouncement {
  return {
    id: w.id,
    severity: w.severity,
    region: w.region,
    regionName: w.regionName,
    indicator: w.indicator,
    indicatorName: indicatorName(w.indicator),
    message: w.message,
    period: w.period,
    at: w.createdAt,
  }
}

/** Publishes the new warnings on the live bus; call only after the transaction committed. */
export function announceWarnings(rows: WarningRow[]): void {
  for (const w of rows)
    liveBus.publishWarning(announcement(w))
}

/**
 * Evaluates the latest months an import touched, after its commit, in a short transaction of its
 * own (the import's runner: the importer's scope over HTTP, the owner's rights for the CLI). A
 * failure is logged and swallowed: it must not turn a committed import into an error.
 */
export async function evaluateAfterImport(tx: TransactionRunner, catalog: Catalog, months: string[], who: { actor: string, scope: string, requestId: string | null }): Promise<EvaluationResult | null> {
  const latest = [...new Set(months)].sort().slice(-IMPORT_EVAL_MONTHS)
  if (!latest.length)
    return null
  try {
    const result = await tx(client => evaluateWarnings(client, catalog, latest, who))
    announceWarnings(result.fresh)
    return result
  }
  catch (err) {
    console.error('[warnings] could not evaluate after an import:', err)
    return null
  }
}
