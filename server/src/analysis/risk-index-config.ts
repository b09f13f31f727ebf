import type { CategoryDef, Stage } from '../catalog/indicator-catalog.ts'
import { z } from 'zod'
import { allSubclasses, catalog } from '../catalog/indicator-catalog.ts'

// The composite risk index's settings, validated once so an admin API can accept them as JSON
// and a stored configuration can be re-checked on load. Stage weights must rise with the stage
// (初显 < 升级 < 激化); the resolution weight sets how much 处置 work offsets risk.

export const STAGES = ['emerging', 'escalation', 'intensification', 'resolution'] as const satisfies readonly Stage[]
export type Grade = 'blue' | 'yellow' | 'orange' | 'red'
export const GRADES: readonly Grade[] = ['blue', 'yellow', 'orange', 'red']

export const GRADE_NAMES: Record<Grade, { zh: string, en: string }> = {
  blue: { zh: '蓝色（低风险）', en: 'Blue (low risk)' },
  yellow: { zh: '黄色（一般风险）', en: 'Yellow (moderate risk)' },
  orange: { zh: '橙色（较大风险）', en: 'Orange (high risk)' },
  red: { zh: '红色（重大风险）', en: 'Red (severe risk)' },
}

const catalogCodes = new Set([
  ...catalog.flatMap(c => c.classes.map(k => k.code)),
  ...allSubclasses().map(s => s.code),
])

const weight = z.number().min(0).max(100)

export const riskIndexConfigSchema = z.object({
  /** Leaves: the 10 major classes or the 101 sub-classes, each as a rate per 10k. */
  leafLevel: z.enum(['class', 'subclass']).default('class'),
  /** minmax: fixed min–max over the reference set; percentile: mid-rank percentile in it. */
  normalisation: z.enum(['minmax', 'percentile']).default('minmax'),
  stageWeights: z.object({
    emerging: weight.positive(),
    escalation: weight,
    intensification: weight,
    resolution: weight,
  }).refine(w => w.emerging < w.escalation && w.escalation < w.intensification, {
    message: 'stage weights must rise: emerging < escalation < intensification',
  }).default({ emerging: 1, escalation: 2, intensification: 3, resolution: 1 }),
  /** Relative weight of a leaf within its stage (default 1; 0 drops it). Keys are catalog codes. */
  leafWeights: z.record(z.string(), weight).refine(w => Object.keys(w).every(k => catalogCodes.has(k)), {
    message: 'leaf weights must be keyed by catalog class or sub-class codes',
  }).default({}),
  /** Fixed grade boundaries on the 0–100 scale: blue < t1 ≤ yellow < t2 ≤ orange < t3 ≤ red. */
  thresholds: z.tuple([z.number(), z.number(), z.number()]).refine(
    ([a, b, c]) => a > 0 && a < b && b < c && c < 100,
    { message: 'thresholds must be three ascending numbers strictly between 0 and 100' },
  ).default([25, 50, 75]),
})

export type RiskIndexConfigInput = z.input<typeof riskIndexConfigSchema>
export type RiskIndexConfig = z.output<typeof riskIndexConfigSchema>

export const DEFAULT_RISK_INDEX_CONFIG: RiskIndexConfig = riskIndexConfigSchema.parse({})

export interface IndexLeaf {
  code: string
  stage: Stage
  /** true when a rise lowers the index (resolution work, rise_good outcomes). */
  reversed: boolean
}

/**
 * The 10 major classes. A resolution class (D1–D4) is the caseload taken into formal resolution
 * and offsets risk, so it is reversed.
 */
export function classLeaves(categories: CategoryDef[] = catalog): IndexLeaf[] {
  return categories.flatMap(c => c.classes.map(k => ({ code: k.code, stage: c.stage, reversed: c.stage === 'resolution' })))
}

/** The 101 sub-classes, reversed exactly where the catalog says a rise is good. */
export function subclassLeaves(categories: CategoryDef[] = catalog): IndexLeaf[] {
  return categories.flatMap(c => c.classes.flatMap(k => k.subclasses.map(s => ({ code: s.code, stage: c.stage, reversed: s.polarity === 'rise_good' }))))
}

export function gradeOf(index: number, thresholds: readonly [number, number, number]): Grade {
  const [a, b, c] = thresholds
  return index >= c ? 'red' : index >= b ? 'orange' : index >= a ? 'yellow' : 'blue'
}
