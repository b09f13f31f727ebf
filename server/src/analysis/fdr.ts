// Benjamini–Hochberg false discovery rate. A hot-spot map tests every cell at once, so at 95%
// about 1 in 20 cells with no real cluster would light up by chance; BH keeps the expected share of false
// hot spots among those flagged at alpha instead.

/** Indices of the non-NaN p-values, ascending. NaNs are left out of m, as R's p.adjust does. */
function ascendingOrder(p: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: p.length }, (_, i) => i).filter(i => !Number.isNaN(p[i]!))
  return order.sort((a, b) => p[a]! - p[b]!)
}

/**
 * BH-adjusted p-values, as R's `p.adjust(p, "BH")`: p_(k)·m/k, made monotone from the largest
 * down (a running minimum) and capped at 1.
 */
export function bhAdjust(p: ArrayLike<number>): Float64Array {
  const order = ascendingOrder(p)
  const m = order.length
  const adjusted = new Float64Array(p.length).fill(Number.NaN)
  let running = 1
  for (let k = m; k >= 1; k--) {
    const i = order[k - 1]!
    // (m/k)·p in that order, as R computes it, so results agree to the last bit.
    running = Math.min(running, (m / k) * p[i]!)
    adjusted[i] = running
  }
  return adjusted
}

/**
 * The BH critical p-value at `alpha`: the largest p_(k) with p_(k) ≤ k/m·alpha, or 0 when none
 * qualifies. A test is significant when p ≤ this threshold (equivalently, adjusted p ≤ alpha).
 */
export function bhThreshold(p: ArrayLike<number>, alpha: number): number {
  const order = ascendingOrder(p)
  const m = order.length
  for (let k = m; k >= 1; k--) {
    const pk = p[order[k - 1]!]!
    if (pk <= (k / m) * alpha)
      return pk
  }
  return 0
}
