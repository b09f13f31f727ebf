// Rates per 10,000 residents for regions of very different size. A township of 800 people with
// 2 events has a crude rate of 25 per 10k and tops any map by chance alone. Global Empirical
// Bayes (Marshall 1991, method of moments; GeoDa's "EB smoothed rate", esda
// `smoothing.Empirical_Bayes`) pulls each crude rate towards the pooled rate, the more the
// smaller its population. Suppression hides what is still too small to show.

export type RateMethod = 'eb' | 'crude'
export type RateApplied = 'eb' | 'crude' | 'suppressed' | 'no-population'

export interface RateInput { code: string, count: number, population: number | null }

export interface RateOptions {
  method?: RateMethod
  /** Suppress (rate null) when the population is below this. */
  minPopulation?: number
  /** Suppress when the count is below this (0: never). */
  minCount?: number
}

export interface RateResult {
  code: string
  count: number
  population: number | null
  /** count / population × 10,000. */
  crude: number | null
  /** The rate to show per 10k: EB-smoothed or crude, null when suppressed. */
  rate: number | null
  applied: RateApplied
  /** EB shrinkage weight w_i (1 keeps the crude rate, 0 takes the pooled rate); null unless EB ran. */
  weight: number | null
  reason?: string
}

export interface RateMethodCard {
  method: RateMethod
  per: 10_000
  /** Pooled rate Σcount / Σpopulation per 10k over the reference set. */
  pooledRate: number | null
  /** Prior variance σ² per person² before the zero floor (negative means no extra variation). */
  priorVariance: number | null
  minPopulation: number
  minCount: number
  referenceSize: number
  notes: string[]
}

export const DEFAULT_RATE_OPTIONS = { method: 'eb', minPopulation: 1000, minCount: 0 } as const satisfies Required<RateOptions>

/**
 * Marshall's global EB on per-person rates r_i = O_i / P_i over the reference set:
 *   θ = ΣO / ΣP;  σ² = ΣP_i(r_i − θ)² / ΣP − θ / P̄  (floored at 0, as GeoDa does);
 *   w_i = σ² / (σ² + θ / P_i);  EB_i = w_i r_i + (1 − w_i) θ.
 * The formula is not scale-free (θ/P̄ is a Poisson variance), so it runs per person and the
 * result is multiplied by 10,000 afterwards.
 */
export function empiricalBayes(counts: readonly number[], populations: readonly number[]): { rates: number[], weights: number[], theta: number, sigma2: number } {
  const n = counts.length
  const sumO = counts.reduce((a, b) => a + b, 0)
  const sumP = populations.reduce((a, b) => a + b, 0)
  const theta = sumO / sumP
  let spread = 0
  for (let i = 0; i < n; i++)
    spread += populations[i]! * (counts[i]! / populations[i]! - theta) ** 2
  const sigma2 = spread / sumP - theta / (sumP / n)
  const s2 = Math.max(0, sigma2)
  // With no events anywhere θ = σ² = 0; every rate is 0 and the weight is taken as 0.
  const weights = populations.map(p => (s2 + theta / p > 0 ? s2 / (s2 + theta / p) : 0))
  const rates = counts.map((o, i) => weights[i]! * (o / populations[i]!) + (1 - weights[i]!) * theta)
  return { rates, weights, theta, sigma2 }
}

/**
 * Rates per 10k for a set of sibling regions. Every region with a population takes part in the
 * EB reference set, including those then suppressed, so the pooled rate covers the whole area.
 */
export function ratesPer10k(regions: readonly RateInput[], options: RateOptions = {}): { results: RateResult[], card: RateMethodCard } {
  const opts = { ...DEFAULT_RATE_OPTIONS, ...options }
  for (const r of regions) {
    if (!(Number.isFinite(r.count) && r.count >= 0) || (r.population !== null && !(Number.isFinite(r.population) && r.population >= 0)))
      throw new RangeError(`count and population for ${r.code} must be finite and non-negative`)
  }
  const ref = regions.filter(r => r.population !== null && r.population > 0)
  const eb = ref.length && opts.method === 'eb' ? empiricalBayes(ref.map(r => r.count), ref.map(r => r.population!)) : null
  const refIndex = new Map(ref.map((r, i) => [r, i]))
  const results = regions.map((r): RateResult => {
    const i = refIndex.get(r)
    if (i === undefined)
      return { ...r, crude: null, rate: null, applied: 'no-population', weight: null, reason: 'no population' }
    const crude = (r.count * 10_000) / r.population!
    if (r.population! < opts.minPopulation)
      return { ...r, crude, rate: null, applied: 'suppressed', weight: null, reason: `population < ${opts.minPopulation}` }
    if (r.count < opts.minCount)
      return { ...r, crude, rate: null, applied: 'suppressed', weight: null, reason: `count < ${opts.minCount}` }
    if (!eb)
      return { ...r, crude, rate: crude, applied: 'crude', weight: null }
    return { ...r, crude, rate: eb.rates[i]! * 10_000, applied: 'eb', weight: eb.weights[i]! }
  })
  const sumP = ref.reduce((a, r) => a + r.population!, 0)
  const notes = [
    'Rates are per 10,000 residents.',
    opts.method === 'eb'
      ? 'Global Empirical Bayes (Marshall 1991, method of moments), as GeoDa and esda Empirical_Bayes; a negative prior variance is floored at 0.'
      : 'Crude rates, not smoothed.',
  ]
  if (opts.minPopulation > 0 || opts.minCount > 0)
    notes.push(`Suppressed below a population of ${opts.minPopulation} or a count of ${opts.minCount}.`)
  return {
    results,
    card: {
      method: opts.method,
      per: 10_000,
      pooledRate: sumP > 0 ? (ref.reduce((a, r) => a + r.count, 0) / sumP) * 10_000 : null,
      priorVariance: eb ? eb.sigma2 : null,
      minPopulation: opts.minPopulation,
      minCount: opts.minCount,
      referenceSize: ref.length,
      notes,
    },
  }
}
