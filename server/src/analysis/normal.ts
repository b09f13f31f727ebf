// Standard normal tail probabilities for the hot-spot and trend tests. Written out rather than
// taken from a library because p-values near the 99% and 99.9% cut-offs decide a cell's class,
// so they must be accurate to the last few digits, not to the 1e-7 of the usual A&S formula.

const TWO_OVER_SQRT_PI = 1.1283791670955126
const ONE_OVER_SQRT_PI = 0.5641895835477563

/**
 * Complementary error function, relative error about 1e-14 for x ≥ 0 up to the underflow
 * near x = 27 (negative x by symmetry).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x))
    return Number.NaN
  if (x < 0)
    return 2 - erfc(-x)
  return x < 2 ? 1 - erfSeries(x) : erfcContinuedFraction(x)
}

/**
 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)). Every term is positive, so nothing
 * cancels; below x = 2 erfc stays above 0.0046, so 1 − erf loses at most two digits.
 */
function erfSeries(x: number): number {
  const x2 = x * x
  let term = x
  let sum = x
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1)
    sum += term
    if (term < sum * 1e-17)
      break
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum
}

/**
 * Laplace's continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))),
 * evaluated by the modified Lentz method; it converges quickly for x ≥ 2 and never subtracts
 * nearly equal numbers, so the tail keeps full relative precision.
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300
  let f = x
  let c = x
  let d = 0
  for (let k = 1; k < 1000; k++) {
    const a = k / 2
    d = x + a * d
    d = Math.abs(d) < tiny ? tiny : d
    c = x + a / c
    c = Math.abs(c) < tiny ? tiny : c
    d = 1 / d
    const delta = c * d
    f *= delta
    if (Math.abs(delta - 1) < 1e-16)
      break
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f
}

/** Two-sided p-value of a standard normal z: P(|Z| ≥ |z|) = erfc(|z|/√2). */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z))
    return Number.NaN
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2))
}
