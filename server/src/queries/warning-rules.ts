import type { Queryable } from '../db/database.ts'
import type { RuleDef } from '../warnings/rules.ts'

export interface RuleRow extends RuleDef {
  note: string
  synthetic: boolean
  version: number
  updatedAt: string
  updatedBy: string
}

const columns = `r.id, r.kind, r.name, r.indicator, r.level, r.params, r.severity, r.enabled, r.region, r.note,
  r.synthetic, r.version, to_json(r.updated_at) #>> '{}' AS "updatedAt", r.updated_by AS "updatedBy"`

/** The rules visible in the scope (row-level security: its own, those above it and global ones). */
export async function listRules(q: Queryable, opts: { enabledOnly?: boolean } = {}): Promise<RuleRow[]> {
  return q.query<RuleRow>(`SELECT ${columns} FROM warning_rule r ${opts.enabledOnly ? 'WHERE r.enabled' : ''} ORDER BY r.id`)
}

/** One rule; `lock` takes a row lock for an edit or a delete (only a rule the scope may change). */
export async function getRule(q: Queryable, id: number, lock = false): Promise<RuleRow | undefined> {
  const rows = await q.query<RuleRow>(`SELECT ${columns} FROM warning_rule r WHERE r.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return rows[0]
}

export interface RuleInsert extends Omit<RuleDef, 'id'> { note: string, actor: string }

export async function insertRule(q: Queryable, r: RuleInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO warning_rule (kind, name, indicator, level, params, severity, enabled, region, note, created_by, updated_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`, [r.kind, r.name, r.indicator, r.level, JSON.stringify(r.params), r.severity, r.enabled, r.region, r.note, r.actor])
  return rows[0]!.id
}

/** Writes every field and bumps the version; the caller has locked the row and checked the version. */
export async function updateRule(q: Queryable, id: number, r: Omit<RuleInsert, 'kind' | 'region'>): Promise<boolean> {
  const rows = await q.query(`
    UPDATE warning_rule SET name = $2, indicator = $3, level = $4, params = $5, severity = $6, enabled = $7,
      note = $8, updated_by = $9, version = version + 1, updated_at = now()
    WHERE id = $1 RETURNING id`, [id, r.name, r.indicator, r.level, JSON.stringify(r.params), r.severity, r.enabled, r.note, r.actor])
  return rows.length === 1
}

export async function deleteRule(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query('DELETE FROM warning_rule WHERE id = $1 RETURNING id', [id])
  return rows.length === 1
}
