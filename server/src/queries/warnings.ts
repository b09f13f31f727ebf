import type { Queryable } from '../db/database.ts'
import type { Candidate, EvalCount, EvalRegion } from '../warnings/evaluate.ts'

/** District and township regions in scope, each with its ancestors (itself included). */
export async function evalRegions(q: Queryable): Promise<EvalRegion[]> {
  return q.query<EvalRegion>(`
    SELECT r.code, r.name, r.level, r.population,
      (SELECT array_agg(a.ancestor) FROM region_ancestor a WHERE a.descendant = r.code) AS ancestors
    FROM region r WHERE r.level IN ('district', 'township') ORDER BY r.code`)
}

/** Region × sub-class × month sums for district and township regions in scope over a month range. */
export async function evalCounts(q: Queryable, range: { from: string, to: string }): Promise<EvalCount[]> {
  return q.query<EvalCount>(`
    SELECT u.region, u.indicator, to_char(u.month, 'YYYY-MM') AS month, sum(u.value)::float8 AS value
    FROM rollup u JOIN region r ON r.code = u.region AND r.level IN ('district', 'township')
    WHERE u.month BETWEEN $1::date AND $2::date
    GROUP BY 1, 2, 3`, [`${range.from}-01`, `${range.to}-01`])
}

export interface UpsertedWarning { id: number, inserted: boolean }

/**
 * Inserts each candidate, or refreshes the evidence, message and severity of the open warning
 * already raised for the same (rule, region, indicator, period). Acknowledged and closed warnings
 * are left as they were decided on. Returns the rows written, new ones marked.
 */
export async function upsertWarnings(q: Queryable, cs: Candidate[]): Promise<UpsertedWarning[]> {
  if (!cs.length)
    return []
  return q.query<UpsertedWarning>(`
    INSERT INTO warning (rule_id, rule_kind, region, indicator, period, severity, evidence, message)
    SELECT c.rule_id, c.rule_kind, c.region, c.indicator, (c.period || '-01')::date, c.severity, c.evidence, c.message
    FROM jsonb_to_recordset($1::jsonb) AS c(rule_id bigint, rule_kind text, region text, indicator text, period text,
      severity text, evidence jsonb, message jsonb)
    ON CONFLICT (rule_id, region, indicator, period) DO UPDATE SET
      evidence = EXCLUDED.evidence, message = EXCLUDED.message, severity = EXCLUDED.severity, updated_at = now()
    WHERE warning.status = 'open' AND (warning.evidence, warning.message, warning.severity)
      IS DISTINCT FROM (EXCLUDED.evidence, EXCLUDED.message, EXCLUDED.severity)
    RETURNING id, (xmax = 0) AS inserted`, [JSON.stringify(cs.map(c => ({
    rule_id: c.ruleId,
    rule_kind: c.ruleKind,
    region: c.region,
    indicator: c.indicator,
    period: c.period,
    severity: c.severity,
    evidence: c.evidence,
    message: c.message,
  })))])
}

export interface WarningRow {
  id: number
  ruleId: number | null
  rule: string
  ruleName: string | null
  severity: 'notice' | 'warning'
  status: 'open' | 'acknowledged' | 'closed'
  region: string
  regionName: string
  regionLevel: string
  /** The region's city, when the scope can see it (for the map to frame the region). */
  city: string | null
  indicator: string
  period: string
  evidence: Record<string, number | string | null>
  message: { zh: string, en: string }
  createdAt: string
  updatedAt: string
  ackedBy: string | null
  ackedAt: string | null
  ackNote: string | null
  closedBy: string | null
  closedAt: string | null
  closeNote: string | null
}

const columns = `w.id, w.rule_id AS "ruleId", w.rule_kind AS rule, wr.name AS "ruleName", w.severity, w.status,
  w.region, r.name AS "regionName", r.level AS "regionLevel",
  (SELECT a.ancestor FROM region_ancestor a JOIN region c ON c.code = a.ancestor AND c.level = 'city' WHERE a.descendant = w.region) AS city,
  w.indicator, to_char(w.period, 'YYYY-MM') AS period,
  w.evidence, w.message, to_json(w.created_at) #>> '{}' AS "createdAt", to_json(w.updated_at) #>> '{}' AS "updatedAt",
  w.acked_by AS "ackedBy", to_json(w.acked_at) #>> '{}' AS "ackedAt", w.ack_note AS "ackNote",
  w.closed_by AS "closedBy", to_json(w.closed_at) #>> '{}' AS "closedAt", w.close_note AS "closeNote"`
const from = `FROM warning w JOIN region r ON r.code = w.region LEFT JOIN warning_rule wr ON wr.id = w.rule_id`

export interface WarningFilter {
  status?: string | undefined
  severity?: string | undefined
  region?: string | undefined
  period?: string | undefined
  ids?: number[] | undefined
  limit: number
}

/** Warnings in scope, newest period first, the stronger severity first within a period. */
export async function listWarnings(q: Queryable, f: WarningFilter): Promise<WarningRow[]> {
  return q.query<WarningRow>(`
    SELECT ${columns} ${from}
    WHERE ($1::text IS NULL OR w.status = $1)
      AND ($2::text IS NULL OR w.severity = $2)
      AND ($3::text IS NULL OR w.region IN (SELECT descendant FROM region_ancestor WHERE ancestor = $3))
      AND ($4::date IS NULL OR w.period = $4::date)
      AND ($5::bigint[] IS NULL OR w.id = ANY($5::bigint[]))
    ORDER BY w.period DESC, (w.severity = 'warning') DESC, w.id DESC
    LIMIT $6`, [f.status ?? null, f.severity ?? null, f.region ?? null, f.period ? `${f.period}-01` : null, f.ids ?? null, f.limit])
}

export async function getWarning(q: Queryable, id: number, lock = false): Promise<WarningRow | undefined> {
  const rows = await q.query<WarningRow>(`SELECT ${columns} ${from} WHERE w.id = $1${lock ? ' FOR UPDATE OF w' : ''}`, [id])
  return rows[0]
}

export async function countWarnings(q: Queryable): Promise<Record<'open' | 'acknowledged' | 'closed', number>> {
  const rows = await q.query<{ status: 'open' | 'acknowledged' | 'closed', n: number }>('SELECT status, count(*)::int AS n FROM warning GROUP BY status')
  const out = { open: 0, acknowledged: 0, closed: 0 }
  for (const r of rows)
    out[r.status] = r.n
  return out
}

export async function ackWarning(q: Queryable, id: number, actor: string, note: string): Promise<void> {
  await q.query(`UPDATE warning SET status = 'acknowledged', acked_by = $2, acked_at = now(), ack_note = $3, updated_at = now() WHERE id = $1`, [id, actor, note])
}

export async function closeWarning(q: Queryable, id: number, actor: string, note: string): Promise<void> {
  await q.query(`UPDATE warning SET status = 'closed', closed_by = $2, closed_at = now(), close_note = $3, updated_at = now() WHERE id = $1`, [id, actor, note])
}
