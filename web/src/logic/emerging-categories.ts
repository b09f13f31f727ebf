import type { ExpressionSpecification } from 'maplibre-gl'

/** Esri's emerging hot spot patterns (server/src/analysis/emerging-hotspots.ts documents the rules). */
export const EMERGING_PATTERNS = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const
export type EmergingPattern = (typeof EMERGING_PATTERNS)[number]
export type EmergingSide = 'hot' | 'cold'
/** The label a cell carries: `intensifying-hot`, `oscillating-cold`, … or `none`. */
export type EmergingLabel = 'none' | `${EmergingPattern}-${EmergingSide}`

export interface EmergingClass {
  label: EmergingLabel
  pattern: EmergingPattern | 'none'
  side: EmergingSide | null
  color: string
  opacity: number
}

/**
 * One colour per pattern and side. Esri tells patterns apart by hatching; a web fill cannot, so
 * hot patterns take distinct warm hues and cold patterns the matching cool hues, the strongest
 * (intensifying, persistent) darkest and saturated, the fading ones (diminishing, historical) muted.
 */
const COLORS: Record<EmergingPattern, Record<EmergingSide, string>> = {
  new: { hot: '#ffb0b0', cold: '#b0dcff' },
  consecutive: { hot: '#ff7f2a', cold: '#2ac4ff' },
  intensifying: { hot: '#e3001b', cold: '#1f4fff' },
  persistent: { hot: '#9e0d16', cold: '#0b2f7a' },
  diminishing: { hot: '#f08a6c', cold: '#73a7d6' },
  sporadic: { hot: '#ffd54a', cold: '#8de0c8' },
  oscillating: { hot: '#d63aa0', cold: '#8a6ad9' },
  historical: { hot: '#8f6b5e', cold: '#5f7488' },
}

const NONE: EmergingClass = { label: 'none', pattern: 'none', side: null, color: '#9aa3b5', opacity: 0.1 }

/** Every class in legend order: hot patterns, cold patterns, then none. */
export const EMERGING_CLASSES: readonly EmergingClass[] = [
  ...(['hot', 'cold'] as const).flatMap(side => EMERGING_PATTERNS.map(pattern => ({
    label: `${pattern}-${side}` as EmergingLabel,
    pattern,
    side,
    color: COLORS[pattern][side],
    opacity: 0.82,
  }))),
  NONE,
]

/** The class of a label; unknown labels are "no pattern". */
export function emergingClassOf(label: unknown): EmergingClass {
  return EMERGING_CLASSES.find(c => c.label === label) ?? NONE
}

function matchOnCategory(pick: (c: EmergingClass) => string | number): ExpressionSpecification {
  const pairs = EMERGING_CLASSES.filter(c => c !== NONE).flatMap(c => [c.label, pick(c)])
  return ['match', ['to-string', ['get', 'category']], ...pairs, pick(NONE)] as unknown as ExpressionSpecification
}

export const emergingFillColor = (): ExpressionSpecification => matchOnCategory(c => c.color)
export const emergingFillOpacity = (): ExpressionSpecification => matchOnCategory(c => c.opacity)

export interface EmergingClassCount extends EmergingClass { count: number }

/**
 * Legend rows from the server's `summary` (cells per label). Patterns no cell shows are left out
 * unless `all`, so the legend stays short; "none" is always listed.
 */
export function emergingLegendRows(summary: Partial<Record<string, number>> | undefined, all = false): EmergingClassCount[] {
  return EMERGING_CLASSES
    .map(c => ({ ...c, count: Number(summary?.[c.label] ?? 0) }))
    .filter(c => all || c.count > 0 || c.label === 'none')
}
