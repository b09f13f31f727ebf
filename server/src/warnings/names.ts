import type { Names } from '../catalog/indicator-catalog.ts'
import { catalog } from '../catalog/indicator-catalog.ts'

/** The pseudo-indicator of the stage escalation ratio rule: (B + C) / A, not a catalog code. */
export const ESCALATION_INDICATOR = 'stage_escalation'

const names = new Map<string, Names>([
  ['all', { zh: '全部指标', en: 'All indicators' }],
  [ESCALATION_INDICATOR, { zh: '阶段升级比', en: 'Stage escalation ratio' }],
])
for (const category of catalog) {
  names.set(category.code, category.name)
  for (const k of category.classes) {
    names.set(k.code, k.name)
    for (const s of k.subclasses)
      names.set(s.code, s.name)
  }
}

/** The zh/en name of a catalog code (sub-class, class, category, 'all') or of the escalation ratio. */
export function indicatorName(code: string): Names {
  return names.get(code) ?? { zh: code, en: code }
}
