import type { StageMonthCounts } from '../analysis/stage-escalation.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { TownshipRow } from '../queries/stage-escalation.ts'
import { mannKendall } from '../analysis/mann-kendall.ts'
import { addMonths, monthRange } from '../analysis/months.ts'
import { DEFAULT_ESCALATION_OPTIONS, stageEscalation, stageTotals } from '../analysis/stage-escalation.ts'

/** The sub-classes of the three stages the ratio reads (resolution, D, is not one of them). */
export function stageLeaves(catalog: Catalog): string[] {
  return catalog.tree.filter(c => c.stage !== 'resolution').flatMap(c => catalog.leaves(c.code))
}

/**
 * Stage escalation per township for the `months` months ending at `period`: counts by stage,
 * the ratio per month and its Mann-Kendall trend (analysis/stage-escalation.ts). Months inside
 * the data span with no row are zeros; months outside it have no data.
 */
export function escalationTable(townships: TownshipRow[], counts: Array<{ region: string, indicator: string, month: string, value: number }>, period: string, months: number, span: { from: string, to: string } | null) {
  const window = monthRange(addMonths(period, 1 - months), period)
  const hasData = (m: string) => span !== null && m >= span.from && m <= span.to
  const bySub = new Map<string, Record<string, number>>()
  for (const c of counts) {
    const key = `${c.region}|${c.month}`
    const rec = bySub.get(key) ?? {}
    rec[c.indicator] = (rec[c.indicator] ?? 0) + c.value
    bySub.set(key, rec)
  }
  const rows: StageMonthCounts[] = townships.flatMap(t => window.filter(hasData).map(month => ({ region: t.code, month, ...stageTotals(bySub.get(`${t.code}|${month}`) ?? {}) })))
  const byKey = new Map(rows.map(r => [`${r.region}|${r.month}`, r]))
  const results = new Map(stageEscalation(rows, window).map(r => [r.region, r]))
  const o = DEFAULT_ESCALATION_OPTIONS
  return {
    period,
    months: window,
    townships: townships.map((t) => {
      const e = results.get(t.code)
      return {
        code: t.code,
        name: t.name,
        months: window.map((month, i) => {
          const r = byKey.get(`${t.code}|${month}`)
          const m = e?.months[i]
          return { month, emerging: r?.emerging ?? null, escalation: r?.escalation ?? null, intensification: r?.intensification ?? null, ratio: m?.raw ?? null, smoothed: m?.smoothed ?? null }
        }),
        // S is not in the escalation result; the same test on the same series gives it.
        trend: e ? { ...e.trend, s: mannKendall(e.months.flatMap(m => (m.smoothed === null ? [] : [m.smoothed]))).s, direction: e.trend.trend } : null,
        areaRatio: e?.areaRatio ?? null,
        recentRatio: e?.recentRatio ?? null,
        recentPooled: e?.recentPooled ?? null,
        turning: e?.turning ?? false,
        reasons: e?.reasons ?? [],
      }
    }),
    method: {
      ratio: '(escalation + intensification) / emerging per month: stage B (online opinion, petitions) plus stage C (public-order and criminal cases) over stage A (12345 hotline, 110 calls); empty when a month has no emerging signal.',
      smoothing: `smoothed = (B + C + k·R) / (A + k) with k = ${o.priorWeight} pseudo-emerging signals at R, the ratio of every township and month shown; the trend is read from it.`,
      trend: `Mann-Kendall on the smoothed monthly ratio, two-sided, significant at p < ${o.alpha}; Theil-Sen slope per month.`,
      turning: `turning = the trend is significantly up AND the ratio over the last ${o.window} months is above the pooled ratio of all townships over the same months AND the township had at least ${o.minEmerging} emerging signals in those months.`,
      data: 'Counts from the region × sub-class × month rollup; a month inside the data span with no count is a zero, a month outside it has no data.',
    },
  }
}
