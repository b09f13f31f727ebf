import type { ExpressionSpecification } from 'maplibre-gl'

/**
 * Colours for hex cell counts: violet to yellow, a different family from the choropleth's reds so
 * the two can be told apart when both are on, and bright at the top on the dark map.
 */
export const HEX_RAMP = ['#4b2d83', '#7b3294', '#b5367f', '#e0565b', '#f7913d', '#fde13b'] as const

export interface HexClass { from: number, to: number, color: string }

/**
 * Up to `k` count classes for the cells on show. Cells hold counts ≥ 1, which are heavily skewed
 * (most cells hold one or two events), so the edges are quantiles of the distinct counts rather
 * than of all cells: a few busy cells still get classes of their own. Edges are whole numbers and
 * each class is `from … to` inclusive.
 */
export function hexClasses(counts: readonly number[], k = 5): HexClass[] {
  const distinct = [...new Set(counts.filter(c => Number.isFinite(c) && c > 0).map(c => Math.round(c)))].sort((a, b) => a - b)
  if (distinct.length === 0)
    return []
  const n = Math.min(k, distinct.length, HEX_RAMP.length)
  const uppers: number[] = []
  for (let i = 1; i <= n; i++) {
    const upper = distinct[Math.ceil(i * distinct.length / n) - 1]!
    if (uppers.at(-1) !== upper)
      uppers.push(upper)
  }
  const colors = pickColors(uppers.length)
  return uppers.map((to, i) => ({ from: i === 0 ? distinct[0]! : uppers[i - 1]! + 1, to, color: colors[i]! }))
}

function pickColors(n: number): string[] {
  if (n === 1)
    return [HEX_RAMP[HEX_RAMP.length - 1]!]
  return Array.from({ length: n }, (_, i) => HEX_RAMP[Math.round(i * (HEX_RAMP.length - 1) / (n - 1))]!)
}

/** A `fill-color` stepping on the feature's `count` through the classes. */
export function hexFillColor(classes: readonly HexClass[]): ExpressionSpecification | string {
  if (classes.length === 0)
    return HEX_RAMP[0]
  if (classes.length === 1)
    return classes[0]!.color
  const steps: (string | number)[] = [classes[0]!.color]
  for (const c of classes.slice(1))
    steps.push(c.from, c.color)
  return ['step', ['to-number', ['get', 'count']], ...steps] as unknown as ExpressionSpecification
}
