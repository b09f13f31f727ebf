import { empiricalBayes, ratesPer10k } from '@riskmap/server/analysis/rate-smoothing.ts'
import { describe, expect, it } from 'vitest'

/**
 * Marshall (1991) global EB, written from the paper's notation and kept apart from the code
 * under test: m = Σx/Σn, s² = Σn_i(r_i − m)²/Σn, A = s² − m/n̄ (0 if negative),
 * C_i = A/(A + m/n_i), estimate_i = m + C_i(r_i − m).
 */
function marshallReference(x: number[], n: number[]): number[] {
  let sx = 0
  let sn = 0
  for (let i = 0; i < x.length; i++) {
    sx += x[i]!
    sn += n[i]!
  }
  const m = sx / sn
  let s2 = 0
  for (let i = 0; i < x.length; i++) s2 += (n[i]! * (x[i]! / n[i]! - m) ** 2)
  s2 /= sn
  const nbar = sn / x.length
  const a = Math.max(0, s2 - m / nbar)
  return x.map((xi, i) => {
    const c = a === 0 ? 0 : a / (a + m / n[i]!)
    return m + c * (xi / n[i]! - m)
  })
}

describe('empirical Bayes rates', () => {
  it('matches a hand example', () => {
    // O = 50, 10, 1; P = 10000, 10000, 500. θ = 61/20500 = 29.756 per 10k.
    // ΣP(r−θ)²/ΣP = 3.92623e-6; θ/P̄ = 4.35455e-7; σ² = 3.49078e-6.
    // w = 0.921453 for the two large towns and 3.49078e-6/(3.49078e-6 + 5.95122e-6) = 0.369708
    // for the small one, whose 20 per 10k moves to 26.149 per 10k, towards θ.
    const { results, card } = ratesPer10k([
      { code: 'a', count: 50, population: 10_000 },
      { code: 'b', count: 10, population: 10_000 },
      { code: 'c', count: 1, population: 500 },
    ], { minPopulation: 0 })
    expect(card.pooledRate).toBeCloseTo(29.7560976, 6)
    expect(card.priorVariance).toBeCloseTo(3.4907793e-6, 12)
    expect(results.map(r => r.weight)).toEqual([expect.closeTo(0.92145347, 7), expect.closeTo(0.92145347, 7), expect.closeTo(0.36970766, 7)])
    expect(results.map(r => r.rate)).toEqual([expect.closeTo(48.4099117, 6), expect.closeTo(11.5517729, 6), expect.closeTo(26.1491935, 6)])
    expect(results.map(r => r.crude)).toEqual([50, 10, 20])
    expect(results.every(r => r.applied === 'eb')).toBe(true)
  })

  it('floors a negative prior variance at 0, so every rate becomes the pooled rate', () => {
    // O = 2, 10, 30; P = 1000, 10000, 20000: σ² = 6.764e-8 − 1.311e-7 < 0. All rates = 42/31000.
    const { results, card } = ratesPer10k([
      { code: 'a', count: 2, population: 1000 },
      { code: 'b', count: 10, population: 10_000 },
      { code: 'c', count: 30, population: 20_000 },
    ], { minPopulation: 0 })
    expect(card.priorVariance!).toBeLessThan(0)
    for (const r of results) {
      expect(r.weight).toBe(0)
      expect(r.rate).toBeCloseTo((42 / 31_000) * 10_000, 10)
    }
  })

  it('equals the independent re-implementation on an unseen fixture', () => {
    let seed = 7
    const next = (max: number) => {
      seed = (seed * 48_271) % 2_147_483_647
      return seed % max
    }
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + next(40)
      const pops = Array.from({ length: n }, () => 200 + next(60_000))
      const counts = pops.map(p => next(Math.max(2, Math.round(p / 400))) * (next(5) === 0 ? 4 : 1))
      const expected = marshallReference(counts, pops)
      const { rates } = empiricalBayes(counts, pops)
      rates.forEach((r, i) => expect(r).toBeCloseTo(expected[i]!, 14))
      const { results } = ratesPer10k(counts.map((c, i) => ({ code: `t${i}`, count: c, population: pops[i]! })), { minPopulation: 0 })
      results.forEach((r, i) => expect(r.rate!).toBeCloseTo(expected[i]! * 10_000, 9))
    }
  })

  it('shrinks small towns more than large ones', () => {
    const { results } = ratesPer10k([
      { code: 'big', count: 400, population: 100_000 },
      { code: 'mid', count: 5, population: 20_000 },
      { code: 'small', count: 3, population: 1_200 },
      { code: 'other', count: 90, population: 50_000 },
    ])
    const [big, , small] = results
    expect(big!.weight!).toBeGreaterThan(small!.weight!)
    expect(Math.abs(small!.rate! - small!.crude!)).toBeGreaterThan(Math.abs(big!.rate! - big!.crude!))
  })

  it('with no events anywhere every rate is 0', () => {
    const { results } = ratesPer10k([
      { code: 'a', count: 0, population: 5000 },
      { code: 'b', count: 0, population: 8000 },
    ])
    expect(results.map(r => [r.rate, r.weight, r.applied])).toEqual([[0, 0, 'eb'], [0, 0, 'eb']])
  })
})

describe('suppression and method', () => {
  const regions = [
    { code: '新山村街道', count: 12, population: 40_000 },
    { code: 'tiny', count: 2, population: 600 },
    { code: 'few', count: 1, population: 9_000 },
    { code: 'none', count: 3, population: null },
    { code: 'zero', count: 0, population: 0 },
  ]

  it('suppresses below the population and count limits and says why', () => {
    const { results, card } = ratesPer10k(regions, { minPopulation: 1000, minCount: 2 })
    expect(results.map(r => r.applied)).toEqual(['eb', 'suppressed', 'suppressed', 'no-population', 'no-population'])
    expect(results[1]).toMatchObject({ rate: null, crude: (2 / 600) * 10_000, reason: 'population < 1000' })
    expect(results[2]).toMatchObject({ rate: null, reason: 'count < 2' })
    expect(results[3]).toMatchObject({ rate: null, crude: null, reason: 'no population' })
    // The suppressed towns still take part in the pooled rate: (12 + 2 + 1)/49600.
    expect(card.pooledRate).toBeCloseTo((15 / 49_600) * 10_000, 10)
    expect(card.referenceSize).toBe(3)
    expect(card.notes.join(' ')).toMatch(/Suppressed below a population of 1000 or a count of 2/)
  })

  it('the default suppresses below 1000 residents and smooths the rest', () => {
    const { results, card } = ratesPer10k(regions)
    expect(card).toMatchObject({ method: 'eb', minPopulation: 1000, minCount: 0 })
    expect(results.map(r => r.applied)).toEqual(['eb', 'suppressed', 'eb', 'no-population', 'no-population'])
  })

  it('crude method reports crude rates', () => {
    const { results, card } = ratesPer10k(regions, { method: 'crude', minPopulation: 0 })
    expect(card.method).toBe('crude')
    expect(results[0]).toMatchObject({ applied: 'crude', rate: 3, weight: null })
    expect(results[1]!.rate).toBeCloseTo(33.3333333, 6)
  })

  it('rejects negative or non-finite counts and populations', () => {
    expect(() => ratesPer10k([{ code: 'x', count: -1, population: 10 }])).toThrow(RangeError)
    expect(() => ratesPer10k([{ code: 'x', count: 1, population: -10 }])).toThrow(RangeError)
    expect(() => ratesPer10k([{ code: 'x', count: Number.NaN, population: 10 }])).toThrow(RangeError)
  })
})
