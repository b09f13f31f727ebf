import type { Polarity } from '../catalog/indicator-catalog.ts'
import type { ChildCounts } from '../queries/wall-data.ts'
import type { Names } from './labels.ts'
import { MIN_TOTAL, NOTICE_Z, testChange } from '../analysis/change-significance.ts'

export interface TourCandidate {
  code: string
  name: string
  level: 'district' | 'township'
  fullName: string
  current: number
  previous: number
  change: number | null
  changePct: number | null
  z: number
  flag: 'notice' | 'warning'
}

/**
 * The regions whose month-on-month change is significant (|z| ≥ 2 by testChange, with MIN_TOTAL so
 * that tiny counts never make a stop), largest |z| first, then by code for a stable order.
 */
export function significantChanges(rows: ChildCounts[], limit: number, polarity?: Polarity): TourCandidate[] {
  const out: TourCandidate[] = []
  for (const r of rows) {
    const t = testChange(r.current, r.previous, { minTotal: MIN_TOTAL, ...(polarity ? { polarity } : {}) })
    if (t.flag === 'none' || t.z === null || Math.abs(t.z) < NOTICE_Z)
      continue
    const fullName = r.level === 'township' && r.parentName ? `${r.parentName}${r.name}` : r.name
    out.push({ code: r.code, name: r.name, level: r.level, fullName, current: r.current, previous: r.previous, change: t.change, changePct: t.changePct, z: t.z, flag: t.flag })
  }
  return out.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.code.localeCompare(b.code)).slice(0, limit)
}

const fmt = (v: number) => Number.isInteger(v) ? String(v) : v.toFixed(1)

/** One line explaining a stop, generated from its numbers only. */
export function tourLine(s: TourCandidate, indicator: Names): Names {
  const up = s.current > s.previous
  const z = `z=${s.z.toFixed(1)}`
  const zh = s.flag === 'warning' ? '高度显著' : '显著'
  const en = s.flag === 'warning' ? 'highly significant' : 'significant'
  const pct = s.changePct === null ? null : `${Math.round(Math.abs(s.changePct))}%`
  const zhChange = pct === null ? `上月 0 起` : `环比${up ? '上升' : '下降'} ${pct}`
  const enChange = pct === null ? 'none last month' : `${up ? 'up' : 'down'} ${pct} on last month`
  return {
    zh: `${s.fullName} ${indicator.zh} 本月 ${fmt(s.current)} 起，${zhChange}（${z}，${zh}）`,
    en: `${s.fullName} ${indicator.en}: ${fmt(s.current)} this month, ${enChange} (${z}, ${en})`,
  }
}
