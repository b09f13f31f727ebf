import type { Queryable } from '../db/database.ts'
import { indicatorName } from '../warnings/names.ts'

export interface ReportWarning {
  id: number
  severity: 'notice' | 'warning' // notice = |z| ≥ 2 etc., warning = the stronger level
  status: 'open' | 'acknowledged' | 'closed'
  region: string
  regionName: string
  indicator: string
  indicatorName: { zh: string, en: string }
  rule: string // rule key, e.g. 'mom_significant'
  period: string // 'YYYY-MM' the warning is about
  message: { zh: string, en: string } // one line generated from the evidence
  evidence: Record<string, number | string | null> // the numbers that triggered it
  createdAt: string
}

type Row = Omit<ReportWarning, 'indicatorName'>

/** Warnings about `region` or any region below it, for periods from..to inclusive ('YYYY-MM'). */
export async function warningsForReport(db: Queryable, q: { region: string, from: string, to: string }): Promise<ReportWarning[]> {
  const rows = await db.query<Row>(`
    SELECT w.id, w.severity, w.status, w.region, r.name AS "regionName", w.indicator,
      w.rule_kind AS rule, to_char(w.period, 'YYYY-MM') AS period, w.message, w.evidence,
      to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
    FROM warning w
    JOIN region r ON r.code = w.region
    JOIN region_ancestor a ON a.descendant = w.region AND a.ancestor = $1
    WHERE w.period BETWEEN $2::date AND $3::date
    ORDER BY w.period DESC, (w.severity = 'warning') DESC, w.region, w.indicator, w.id`, [q.region, `${q.from}-01`, `${q.to}-01`])
  return rows.map(r => ({ ...r, indicatorName: indicatorName(r.indicator) }))
}
