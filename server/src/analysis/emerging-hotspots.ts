import type { Trend } from './mann-kendall.ts'
import { mannKendall, TREND_ALPHA } from './mann-kendall.ts'

/**
 * Esri's Emerging Hot Spot patterns, from one Gi* run per time step (oldest first) and a
 * Mann-Kendall test on each cell's series of z-scores. A step counts as hot (H) when its bin is
 * > 0 and cold (C) when < 0, i.e. significant at 90% (after FDR, if the runs used it). T is the
 * number of steps, "final" the newest, and a share is a count of steps over T.
 *
 * | Pattern      | Rule for a hot pattern (cold: swap H and C, and up and down)                     |
 * |--------------|----------------------------------------------------------------------------------|
 * | new          | final is H; no other step is significant (hot or cold)                           |
 * | consecutive  | final run of ≥ 2 H; no significant step before the run; H share < 90%            |
 * | intensifying | H share ≥ 90%; final is H; trend up (p < 0.10)                                  |
 * | persistent   | H share ≥ 90%; final is H; no significant trend                                 |
 * | diminishing  | H share ≥ 90%; final is H; trend down (p < 0.10)                                |
 * | sporadic     | final is H; H share < 90%; never C; hot on and off before the final run          |
 * | oscillating  | final is H; H share < 90%; C at some earlier step                               |
 * | historical   | final is not significant; H share ≥ 90%                                         |
 * | none         | anything else: final not significant and neither side reaches 90%               |
 *
 * Two readings where Esri's wording leaves room, both as sfdep implements them: new and
 * consecutive require no earlier cold step (a cold past makes the cell oscillating), and a
 * significant final step decides the side, so a cell hot for 90% of steps that ends cold is an
 * oscillating cold spot rather than a historical hot spot.
 */
export type EmergingCategory = 'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating' | 'historical' | 'none'

export type EmergingLabel = 'none' | `${Exclude<EmergingCategory, 'none'>}-${'hot' | 'cold'}`

export interface EmergingCell {
  category: EmergingCategory
  /** true for a hot pattern, false for a cold one, null for none. */
  hot: boolean | null
  trend: Trend
  trendZ: number
  trendP: number
  hotSteps: number
  coldSteps: number
}

export interface EmergingResult {
  cells: EmergingCell[]
  summary: Record<EmergingLabel, number>
  method: { timeSteps: number, significance: 0.90, trendTest: 'Mann-Kendall on Gi* z', trendAlpha: number, warnings: string[] }
}

const CATEGORIES = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const

/** Share of steps at or above which a location counts as hot (or cold) "most of the time". */
const MOSTLY = 0.9

/** Classify one cell from its bins in time order and the trend of its z series. */
export function classifyEmergingCell(bins: ArrayLike<number>, trend: Trend): { category: EmergingCategory, hot: boolean | null } {
  const t = bins.length
  const last = t ? bins[t - 1]! : 0
  if (last === 0) {
    const hot = countSide(bins, 1)
    const cold = countSide(bins, -1)
    if (t && hot / t >= MOSTLY)
      return { category: 'historical', hot: true }
    if (t && cold / t >= MOSTLY)
      return { category: 'historical', hot: false }
    return { category: 'none', hot: null }
  }
  // Everything below is seen from the side of the final step: +1 hot, −1 cold.
  const side = Math.sign(last)
  const same = countSide(bins, side)
  const opposite = countSide(bins, -side)
  const hot = side > 0
  if (same / t >= MOSTLY) {
    const strengthening = side > 0 ? 'up' : 'down'
    if (trend === 'none')
      return { category: 'persistent', hot }
    return { category: trend === strengthening ? 'intensifying' : 'diminishing', hot }
  }
  if (opposite > 0)
    return { category: 'oscillating', hot }
  let run = 0
  while (run < t && Math.sign(bins[t - 1 - run]!) === side)
    run++
  if (run === same)
    return { category: run === 1 ? 'new' : 'consecutive', hot }
  return { category: 'sporadic', hot }
}

/**
 * Emerging hot spots over T time steps of Gi* results for the same n cells, oldest first.
 * Returns a pattern per cell and a count per pattern.
 */
export function emergingHotSpots(steps: ReadonlyArray<{ z: ArrayLike<number>, bin: ArrayLike<number> }>, trendAlpha = TREND_ALPHA): EmergingResult {
  const t = steps.length
  const n = steps[0]?.z.length ?? 0
  if (steps.some(step => step.z.length !== n || step.bin.length !== n))
    throw new RangeError('every time step must cover the same cells')
  const warnings: string[] = []
  if (t < 10)
    warnings.push('fewer than 10 time steps: the Mann-Kendall trend is not meaningful')
  const summary = Object.fromEntries([
    'none',
    ...CATEGORIES.flatMap(c => [`${c}-hot`, `${c}-cold`]),
  ].map(label => [label, 0])) as Record<EmergingLabel, number>

  const cells: EmergingCell[] = []
  const zs = new Float64Array(t)
  const bins = new Int8Array(t)
  for (let i = 0; i < n; i++) {
    steps.forEach((step, k) => {
      zs[k] = step.z[i]!
      bins[k] = step.bin[i]!
    })
    const mk = mannKendall(zs, trendAlpha)
    const { category, hot } = classifyEmergingCell(bins, mk.trend)
    summary[labelOf(category, hot)]++
    cells.push({ category, hot, trend: mk.trend, trendZ: mk.z, trendP: mk.p, hotSteps: countSide(bins, 1), coldSteps: countSide(bins, -1) })
  }
  return { cells, summary, method: { timeSteps: t, significance: 0.90, trendTest: 'Mann-Kendall on Gi* z', trendAlpha, warnings } }
}

function labelOf(category: EmergingCategory, hot: boolean | null): EmergingLabel {
  return category === 'none' ? 'none' : `${category}-${hot ? 'hot' : 'cold'}`
}

function countSide(bins: ArrayLike<number>, side: number): number {
  let count = 0
  for (let k = 0; k < bins.length; k++) {
    if (Math.sign(bins[k]!) === side)
      count++
  }
  return count
}
