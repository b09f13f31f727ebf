import type { ExpressionSpecification } from 'maplibre-gl'
import { NO_DATA_COLOR } from './color-ramp.ts'

// The four fixed grades of the composite risk index (server/src/analysis/risk-index-config.ts):
// blue < t1 ≤ yellow < t2 ≤ orange < t3 ≤ red on the 0–100 scale, lower bounds inclusive.

export type Grade = 'blue' | 'yellow' | 'orange' | 'red'
export const GRADES: readonly Grade[] = ['blue', 'yellow', 'orange', 'red']
export const GRADE_COLORS: Record<Grade, string> = { blue: '#2f7fd1', yellow: '#f2d024', orange: '#f28c1b', red: '#e0302b' }
export const DEFAULT_THRESHOLDS = [25, 50, 75] as const

export function gradeOf(index: number, thresholds: readonly number[] = DEFAULT_THRESHOLDS): Grade {
  const [a, b, c] = thresholds
  return index >= c! ? 'red' : index >= b! ? 'orange' : index >= a! ? 'yellow' : 'blue'
}

/** `fill-color` stepping on the index in a feature-state key at the fixed thresholds; no index → no-data colour. */
export function riskIndexFillExpression(thresholds: readonly number[] = DEFAULT_THRESHOLDS, stateKey = 'metric'): ExpressionSpecification {
  const [a, b, c] = thresholds
  const step = ['step', ['to-number', ['feature-state', stateKey]], GRADE_COLORS.blue, a, GRADE_COLORS.yellow, b, GRADE_COLORS.orange, c, GRADE_COLORS.red] as unknown as ExpressionSpecification
  return ['case', ['==', ['typeof', ['feature-state', stateKey]], 'number'], step, NO_DATA_COLOR]
}

/** The grade bands for a legend, highest first. */
export function gradeBands(thresholds: readonly number[] = DEFAULT_THRESHOLDS): Array<{ grade: Grade, from: number, to: number, color: string }> {
  const edges = [0, ...thresholds, 100]
  return GRADES.map((grade, i) => ({ grade, from: edges[i]!, to: edges[i + 1]!, color: GRADE_COLORS[grade] })).reverse()
}
