import { twoSidedNormalP } from './normal.ts'

// Mann-Kendall trend test, as Esri's Emerging Hot Spot Analysis applies it to each cell's
// series of Gi* z-scores. It asks only whether later values tend to exceed earlier ones, so it
// needs no assumption about the shape or distribution of the trend.

export type Trend = 'up' | 'down' | 'none'

export interface MannKendallResult {
  /** S = Σ_{i<j} sign(x_j − x_i). */
  s: number
  /** Var(S) with the tie correction. */
  varS: number
  /** Continuity-corrected normal score: (S − 1)/√Var if S > 0, (S + 1)/√Var if S < 0, else 0. */
  z: number
  /** Two-sided p-value of z. */
  p: number
  trend: Trend
}

/** The default significance of a trend: 90%, the level Esri's emerging hot spots use. */
export const TREND_ALPHA = 0.10

/**
 * Mann-Kendall test of a series in time order. With fewer than 3 values, or when every value
 * is tied (Var(S) = 0), there is no evidence of a trend: z = 0, p = 1.
 */
export function mannKendall(series: ArrayLike<number>, alpha = TREND_ALPHA): MannKendallResult {
  const n = series.length
  let s = 0
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++)
      s += Math.sign(series[j]! - series[i]!)
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm(series)) / 18
  if (n < 3 || !(varS > 0))
    return { s, varS: Math.max(varS, 0), z: 0, p: 1, trend: 'none' }
  // The ±1 is the continuity correction: S moves in steps of 2 and the normal curve is smooth.
  const z = s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0
  const p = twoSidedNormalP(z)
  return { s, varS, z, p, trend: p < alpha ? (z > 0 ? 'up' : 'down') : 'none' }
}

/** Σ t(t−1)(2t+5) over groups of t equal values. */
function tieTerm(series: ArrayLike<number>): number {
  const groups = new Map<number, number>()
  for (let i = 0; i < series.length; i++)
    groups.set(series[i]!, (groups.get(series[i]!) ?? 0) + 1)
  let term = 0
  for (const t of groups.values())
    term += t * (t - 1) * (2 * t + 5)
  return term
}
