import { bhThreshold } from './fdr.ts'
import { twoSidedNormalP } from './normal.ts'

// Getis-Ord Gi* as Esri's Hot Spot Analysis, spdep::localG on include.self() neighbours with
// binary weights, and esda G_Local(star=True, transform='B') compute it:
//   Gi* = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / ( S √[(n Σ_j w_ij² − (Σ_j w_ij)²)/(n−1)] )
// with j over every cell including i (w_ii = 1), and x̄, S over all n cells, zeros included.

export type Correction = 'none' | 'fdr'

/** Confidence levels of the ±1/±2/±3 bins, as significance levels. */
export const GI_ALPHA = [0.10, 0.05, 0.01] as const

export interface GiStarOptions {
  /** The fixed band the neighbour lists were built with, for the method card. */
  distanceBand: number
  /** How distance was measured, for the method card. */
  distanceMetric: string
  correction?: Correction
}

export interface GiStarMethod {
  statistic: 'Getis-Ord Gi*'
  weights: 'binary'
  selfIncluded: true
  distanceBand: number
  distanceMetric: string
  n: number
  alpha: number[]
  correction: Correction
  /** Neighbours per cell, the cell itself not counted. */
  neighbours: { min: number, mean: number, max: number }
  warnings: string[]
}

export interface GiStarResult {
  z: Float64Array
  p: Float64Array
  /** −3..3: sign of z times the highest confidence level (90/95/99%) the cell reaches. */
  bin: Int8Array
  method: GiStarMethod
}

/**
 * Gi* z-scores, two-sided normal p-values and Esri's confidence bins. `neighbours[i]` lists the
 * cells within the band of cell i, without i itself (as `distanceBandNeighbours` returns them);
 * the self weight of 1 is added here, and an i found in its own list is skipped.
 */
export function giStar(values: ArrayLike<number>, neighbours: ReadonlyArray<ArrayLike<number>>, options: GiStarOptions): GiStarResult {
  const n = values.length
  if (neighbours.length !== n)
    throw new RangeError(`${n} values but ${neighbours.length} neighbour lists`)
  const correction = options.correction ?? 'none'
  const warnings: string[] = []
  if (n < 30)
    warnings.push('fewer than 30 cells: results are unreliable')

  let sum = 0
  for (let i = 0; i < n; i++)
    sum += values[i]!
  const mean = n ? sum / n : 0
  // S² = Σx²/n − x̄², computed as Σ(x − x̄)²/n: the same number, without the cancellation the
  // one-pass form suffers when counts are large and alike (spdep also centres first).
  let squares = 0
  for (let i = 0; i < n; i++)
    squares += (values[i]! - mean) ** 2
  const s = Math.sqrt(squares / n)
  if (n > 0 && s === 0)
    warnings.push('all cells have the same value: no hot or cold spots can be found (z = 0, p = 1)')

  const z = new Float64Array(n)
  const counts = new Int32Array(n)
  let coversAll = 0
  for (let i = 0; i < n; i++) {
    let lag = values[i]!
    let k = 0
    const list = neighbours[i]!
    for (let t = 0; t < list.length; t++) {
      const j = list[t]!
      if (j === i)
        continue
      lag += values[j]!
      k++
    }
    counts[i] = k
    const w = k + 1 // Σ w_ij = Σ w_ij² for binary weights
    const variance = (n * w - w * w) / (n - 1)
    if (w >= n)
      coversAll++
    // A cell whose band covers every cell compares the whole map with itself: 0/0, reported as
    // no evidence rather than NaN.
    z[i] = s > 0 && variance > 0 ? (lag - mean * w) / (s * Math.sqrt(variance)) : 0
  }
  if (coversAll)
    warnings.push(`${coversAll} cells have every cell within the distance band: their z is set to 0`)
  const isolated = counts.reduce((c, k) => c + (k === 0 ? 1 : 0), 0)
  if (isolated)
    warnings.push(`${isolated} cells have no neighbour within the distance band: their z compares the cell only with itself`)

  const p = z.map(twoSidedNormalP)
  return {
    z,
    p,
    bin: confidenceBins(z, p, correction),
    method: {
      statistic: 'Getis-Ord Gi*',
      weights: 'binary',
      selfIncluded: true,
      distanceBand: options.distanceBand,
      distanceMetric: options.distanceMetric,
      n,
      alpha: [...GI_ALPHA],
      correction,
      neighbours: summarise(counts),
      warnings,
    },
  }
}

/**
 * Esri's Gi_Bin. Without correction a cell reaches a level when p < alpha (|z| ≥ 1.645, 1.96,
 * 2.576 to three decimals). With FDR, each level gets its own Benjamini–Hochberg critical p at
 * that alpha, and a cell reaches the level when p ≤ it.
 */
export function confidenceBins(z: ArrayLike<number>, p: ArrayLike<number>, correction: Correction): Int8Array {
  const passes = GI_ALPHA.map((alpha) => {
    if (correction === 'none')
      return (pi: number) => pi < alpha
    const threshold = bhThreshold(p, alpha)
    return (pi: number) => pi <= threshold
  })
  const bin = new Int8Array(z.length)
  for (let i = 0; i < z.length; i++) {
    const level = passes.reduce((reached, pass, l) => (pass(p[i]!) ? l + 1 : reached), 0)
    bin[i] = level * Math.sign(z[i]!)
  }
  return bin
}

function summarise(counts: Int32Array): GiStarMethod['neighbours'] {
  if (!counts.length)
    return { min: 0, mean: 0, max: 0 }
  let min = Infinity
  let max = 0
  let total = 0
  for (const k of counts) {
    min = Math.min(min, k)
    max = Math.max(max, k)
    total += k
  }
  return { min, mean: total / counts.length, max }
}
