import type { Polarity } from '../catalog/indicator-catalog.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { RuleDef, RuleParams, Severity } from './rules.ts'
import { testChange } from '../analysis/change-significance.ts'
import { per10k } from '../analysis/change.ts'
import { addMonths, monthRange } from '../analysis/months.ts'
import { stageEscalation, stageTotals } from '../analysis/stage-escalation.ts'
import { ESCALATION_INDICATOR, indicatorName } from './names.ts'
import { ruleIndicators, ruleParams } from './rules.ts'

// Evaluates warning rules against region × sub-class × month counts, for one or more months.
// Pure: the service reads the counts and writes the warnings. Every number a warning shows is in
// its evidence, and its message is generated from that evidence.

export interface EvalRegion {
  code: string
  name: string
  level: 'district' | 'township'
  population: number | null
  /** The region itself and every region above it. */
  ancestors: string[]
}

export interface EvalCount { region: string, indicator: string, month: string, value: number }

export type Evidence = Record<string, number | string | null>

export interface Candidate {
  ruleId: number
  ruleKind: RuleDef['kind']
  region: string
  indicator: string
  period: string
  severity: Severity
  evidence: Evidence
  message: { zh: string, en: string }
}

export interface EvalInput {
  catalog: Catalog
  rules: RuleDef[]
  regions: EvalRegion[]
  counts: EvalCount[]
  /** The months the rollup holds: inside, a missing row is a zero; outside, there is no data. */
  dataMonths: { from: string, to: string } | null
  /** The months to evaluate ('YYYY-MM'). */
  months: string[]
}

/** How far back evaluating `month` reads: a year for YoY, and the escalation window. */
export function readWindow(months: string[], rules: Pick<RuleDef, 'kind' | 'params'>[]): { from: string, to: string } {
  const sorted = [...months].sort()
  const escalation = rules.filter(r => r.kind === 'escalation_ratio').map(r => ruleParams.escalation_ratio.parse(r.params).months)
  const back = Math.max(12, ...escalation.map(m => m - 1))
  return { from: addMonths(sorted[0]!, -back), to: sorted.at(-1)! }
}

const round = (v: number | null, digits = 2) => (v === null ? null : Number(v.toFixed(digits)))
const fmt = (v: number | null, digits = 2) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(digits))

export function evaluateRules(input: EvalInput): Candidate[] {
  const { catalog } = input
  const bySub = new Map<string, number>()
  for (const c of input.counts) {
    const key = `${c.region}|${c.indicator}|${c.month}`
    bySub.set(key, (bySub.get(key) ?? 0) + c.value)
  }
  const hasData = (m: string) => input.dataMonths !== null && m >= input.dataMonths.from && m <= input.dataMonths.to
  const count = (region: string, leaves: string[], m: string): number | null =>
    hasData(m) ? leaves.reduce((s, leaf) => s + (bySub.get(`${region}|${leaf}|${m}`) ?? 0), 0) : null
  const leavesOf = new Map<string, string[]>()
  const leaves = (code: string) => {
    let hit = leavesOf.get(code)
    if (!hit)
      leavesOf.set(code, hit = catalog.leaves(code))
    return hit
  }
  const polarityOf = (code: string): Polarity | null => {
    const set = new Set(leaves(code).map(l => catalog.get(l)?.polarity ?? null))
    return set.size === 1 ? [...set][0]! : null
  }

  const out: Candidate[] = []
  for (const rule of input.rules) {
    if (!rule.enabled)
      continue
    const regions = input.regions.filter(r => r.level === rule.level && (rule.region === null || r.ancestors.includes(rule.region)))
    for (const period of input.months) {
      if (!hasData(period))
        continue
      const base = { ruleId: rule.id, ruleKind: rule.kind, period, severity: rule.severity }
      if (rule.kind === 'escalation_ratio') {
        out.push(...escalationCandidates(rule, ruleParams.escalation_ratio.parse(rule.params), regions, period, (region, m) => {
          if (!hasData(m))
            return null
          const byCode: Record<string, number> = {}
          for (const leaf of leaves('all'))
            byCode[leaf] = bySub.get(`${region}|${leaf}|${m}`) ?? 0
          return stageTotals(byCode)
        }).map(c => ({ ...base, ...c })))
        continue
      }
      for (const indicator of ruleIndicators(catalog, rule.indicator ?? '')) {
        const name = indicatorName(indicator)
        const ls = leaves(indicator)
        for (const region of regions) {
          const current = count(region.code, ls, period)!
          const hit = checkOne(rule, { region, indicator, name, current, period, polarity: polarityOf(indicator), count: m => count(region.code, ls, m) })
          if (hit)
            out.push({ ...base, region: region.code, indicator, ...hit })
        }
      }
    }
  }
  return out
}

interface One {
  region: EvalRegion
  indicator: string
  name: { zh: string, en: string }
  current: number
  period: string
  polarity: Polarity | null
  count: (m: string) => number | null
}

function checkOne(rule: RuleDef, o: One): Pick<Candidate, 'evidence' | 'message'> | null {
  const where = { zh: `${o.region.name}${o.name.zh}`, en: `${o.region.name}, ${o.name.en}` }
  switch (rule.kind) {
    case 'mom_significant':
    case 'yoy_significant': {
      const p = ruleParams[rule.kind].parse(rule.params)
      const baselineMonth = addMonths(o.period, rule.kind === 'mom_significant' ? -1 : -12)
      // notice = warning = minZ: the flag is set exactly when |z| ≥ minZ and C + P ≥ minTotal.
      const t = testChange(o.current, o.count(baselineMonth), { polarity: o.polarity ?? 'rise_bad', notice: p.minZ, warning: p.minZ, minTotal: p.minTotal })
      if (!t.worsening)
        return null
      const evidence: Evidence = {
        current: o.current,
        previous: t.previous,
        baselineMonth,
        change: t.change,
        changePct: round(t.changePct, 1),
        z: round(t.z),
        minZ: p.minZ,
        minTotal: p.minTotal,
        total: o.current + t.previous!,
      }
      const zh = rule.kind === 'mom_significant' ? '环比' : '同比'
      const en = rule.kind === 'mom_significant' ? 'month on month' : 'year on year'
      const pct = t.changePct === null ? '' : `，${t.changePct > 0 ? '+' : ''}${fmt(t.changePct, 1)}%`
      const pctEn = t.changePct === null ? '' : `, ${t.changePct > 0 ? '+' : ''}${fmt(t.changePct, 1)}%`
      return {
        evidence,
        message: {
          zh: `${where.zh} ${o.period} ${zh}${t.direction === 'up' ? '显著上升' : '显著下降'}：${t.previous} → ${o.current}${pct}（z = ${fmt(t.z)}，阈值 |z| ≥ ${p.minZ}）`,
          en: `${where.en}: significant ${t.direction === 'up' ? 'rise' : 'fall'} ${en} in ${o.period}, ${t.previous} → ${o.current}${pctEn} (z = ${fmt(t.z)}, threshold |z| ≥ ${p.minZ})`,
        },
      }
    }
    case 'rate_threshold': {
      const p = ruleParams.rate_threshold.parse(rule.params)
      const rate = per10k(o.current, o.region.population)
      if (rate === null || o.region.population! < p.minPopulation || o.current < p.minCount || rate < p.per10k)
        return null
      return {
        evidence: { count: o.current, population: o.region.population, per10k: round(rate), threshold: p.per10k, minCount: p.minCount },
        message: {
          zh: `${where.zh} ${o.period} 每万人 ${fmt(rate)}，超过阈值 ${p.per10k}（${o.current} 件，人口 ${o.region.population}）`,
          en: `${where.en}: ${fmt(rate)} per 10k in ${o.period}, above the threshold ${p.per10k} (${o.current} for a population of ${o.region.population})`,
        },
      }
    }
    case 'zero_target': {
      if (o.current < 1)
        return null
      return {
        evidence: { count: o.current, target: 0 },
        message: {
          zh: `${where.zh} ${o.period} 发生 ${o.current} 起，零目标被打破`,
          en: `${where.en}: ${o.current} in ${o.period}, the zero target is broken`,
        },
      }
    }
    default:
      return null
  }
}

function escalationCandidates(
  rule: RuleDef,
  p: RuleParams<'escalation_ratio'>,
  regions: EvalRegion[],
  period: string,
  stages: (region: string, month: string) => ReturnType<typeof stageTotals> | null,
): Pick<Candidate, 'region' | 'indicator' | 'evidence' | 'message'>[] {
  const months = monthRange(addMonths(period, 1 - p.months), period)
  const rows = regions.flatMap(r => months.flatMap((month) => {
    const s = stages(r.code, month)
    return s ? [{ region: r.code, month, ...s }] : []
  }))
  const names = new Map(regions.map(r => [r.code, r.name]))
  const out: Pick<Candidate, 'region' | 'indicator' | 'evidence' | 'message'>[] = []
  for (const e of stageEscalation(rows, months, { minEmerging: p.minEmerging })) {
    const recent = e.months.filter(m => m.emerging !== null).slice(-3)
    const emerging = recent.reduce((a, m) => a + m.emerging!, 0)
    const downstream = recent.reduce((a, m) => a + m.downstream!, 0)
    if (e.recentRatio === null || emerging < p.minEmerging || e.recentRatio < p.ratio || (p.trendRequired && e.trend.trend !== 'up'))
      continue
    const name = names.get(e.region)!
    out.push({
      region: e.region,
      indicator: ESCALATION_INDICATOR,
      evidence: {
        recentRatio: round(e.recentRatio, 3),
        recentPooled: round(e.recentPooled, 3),
        emerging,
        downstream,
        threshold: p.ratio,
        trend: e.trend.trend,
        mkZ: round(e.trend.z),
        mkP: round(e.trend.p, 3),
        senSlope: round(e.trend.senSlope, 4),
        months: e.trend.n,
        turning: e.turning ? 1 : 0,
      },
      message: {
        zh: `${name} 阶段升级比 ${fmt(e.recentRatio)}（近 3 个月 ${downstream}/${emerging}，全区 ${fmt(e.recentPooled)}），趋势${e.trend.trend === 'up' ? '上升' : e.trend.trend === 'down' ? '下降' : '无显著变化'}（MK z = ${fmt(e.trend.z)}）`,
        en: `${name}: stage escalation ratio ${fmt(e.recentRatio)} over the last 3 months (${downstream}/${emerging}; area ${fmt(e.recentPooled)}), trend ${e.trend.trend} (Mann-Kendall z = ${fmt(e.trend.z)})`,
      },
    })
  }
  return out
}
