import type { ExpressionSpecification } from 'maplibre-gl'
import { NO_DATA_COLOR } from './color-ramp.ts'

/** Class edges of a coverage share, 0 to 100 % in fifths. */
export const COVERAGE_BREAKS = [0, 0.2, 0.4, 0.6, 0.8, 1] as const

/**
 * Low coverage is the finding, so it is the bright end on the dark map: red where few events lay
 * within reach, through amber, to a calm green where nearly all did.
 */
export const COVERAGE_COLORS = ['#f0433a', '#f28a2e', '#f2c94c', '#8cc56b', '#2f9e7a'] as const

export interface CoverageClass { index: number, from: number, to: number, color: string }

/** The classes for the legend, lowest first. */
export function coverageClasses(): CoverageClass[] {
  return COVERAGE_COLORS.map((color, index) => ({ index, from: COVERAGE_BREAKS[index]!, to: COVERAGE_BREAKS[index + 1]!, color }))
}

/** The class of a share (0–1): [0, 20 %) is 0 … [80 %, 100 %] is 4; null for no events. */
export function coverageClassOf(share: number | null | undefined): number | null {
  if (share === null || share === undefined || !Number.isFinite(share))
    return null
  let k = 0
  for (const edge of COVERAGE_BREAKS.slice(1, -1)) {
    if (share >= edge)
      k++
  }
  return k
}

/** `fill-color` stepping on the share in `stateKey`, the same classes as `coverageClassOf`. */
export function coverageFillExpression(stateKey = 'metric'): ExpressionSpecification {
  const input: ExpressionSpecification = ['to-number', ['feature-state', stateKey]]
  const steps: Array<string | number> = [COVERAGE_COLORS[0]]
  COVERAGE_BREAKS.slice(1, -1).forEach((edge, i) => steps.push(edge, COVERAGE_COLORS[i + 1]!))
  return ['case', ['==', ['typeof', ['feature-state', stateKey]], 'number'], ['step', input, ...steps], NO_DATA_COLOR] as unknown as ExpressionSpecification
}
