import { MIN_TOTAL, monthOnMonth, poissonZ, testChange, yearOnYear } from '@riskmap/server/analysis/change-significance.ts'
import { describe, expect, it } from 'vitest'

describe('change significance: hand values', () => {
  it('25 against 16 is z = 2(5 − 4) = 2, exactly a notice', () => {
    const r = testChange(25, 16)
    expect(r).toMatchObject({ change: 9, changePct: 56.25, z: 2, zFlag: 'notice', flag: 'notice', direction: 'up', smallCount: false })
  })

  it('49 against 25 is z = 4, a warning; 16 against 36 is z = −4, a warning downwards', () => {
    expect(testChange(49, 25)).toMatchObject({ z: 4, flag: 'warning', direction: 'up' })
    expect(testChange(16, 36)).toMatchObject({ z: -4, flag: 'warning', direction: 'down', changePct: (-20 / 36) * 100 })
  })

  it('thresholds are inclusive and z just below stays quiet', () => {
    // 100 against 81: 2(10 − 9) = 2 → notice; 99 against 81: 2(9.94987 − 9) = 1.8997 → none.
    expect(testChange(100, 81).flag).toBe('notice')
    expect(testChange(99, 81).z).toBeCloseTo(1.8997487421, 9)
    expect(testChange(99, 81).flag).toBe('none')
    // 64 against 25: 2(8 − 5) = 6; 36 against 9: 2(6 − 3) = 6; 16 against 4: 2(4 − 2) = 4.
    expect(testChange(16, 4).flag).toBe('warning')
  })

  it('small counts with large percentages do not flag', () => {
    // 1 → 3: +200% but z = 2(√3 − 1) = 1.4641; 2 → 5: +150% but z = 1.6437; 3 → 7: z = 1.8274.
    expect(testChange(3, 1)).toMatchObject({ changePct: 200, flag: 'none' })
    expect(testChange(3, 1).z).toBeCloseTo(1.4641016151, 9)
    expect(testChange(5, 2)).toMatchObject({ changePct: 150, flag: 'none' })
    expect(testChange(5, 2).z).toBeCloseTo(1.6437088303, 9)
    expect(testChange(7, 3).z).toBeCloseTo(1.827401007, 9)
    expect(testChange(7, 3).flag).toBe('none')
  })

  it('from zero: percent is empty, and the small-count guard holds back 0 → 1 … 0 → 5', () => {
    // z alone would flag 0 → 1 (z = 2) and 0 → 3 (z = 3.46); C + P < 6 holds them back.
    for (const c of [1, 2, 3, 4, 5]) {
      const r = testChange(c, 0, { minTotal: MIN_TOTAL })
      expect(r.changePct).toBeNull()
      expect(r.z).toBeCloseTo(2 * Math.sqrt(c), 12)
      expect(r.zFlag).not.toBe('none')
      expect(r).toMatchObject({ flag: 'none', smallCount: true })
    }
    expect(testChange(6, 0, { minTotal: MIN_TOTAL })).toMatchObject({ changePct: null, flag: 'warning', smallCount: false })
    // By default the flags are METHODS.md's, bare.
    expect(testChange(1, 0)).toMatchObject({ z: 2, flag: 'notice', smallCount: true })
    expect(MIN_TOTAL).toBe(6)
  })

  it('0 against 0 is no change, no percent, no flag', () => {
    expect(testChange(0, 0)).toMatchObject({ change: 0, changePct: null, z: 0, flag: 'none', direction: 'flat' })
  })

  it('a missing side gives nulls and no flag', () => {
    expect(testChange(12, null)).toMatchObject({ change: null, changePct: null, z: null, flag: 'none', direction: null })
    expect(testChange(null, 3)).toMatchObject({ z: null, flag: 'none' })
  })

  it('rejects negative and non-finite counts', () => {
    expect(() => testChange(-1, 3)).toThrow(RangeError)
    expect(() => testChange(Number.NaN, 3)).toThrow(RangeError)
    expect(() => testChange(3, Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })

  it('says whether a significant change is a worsening, by polarity', () => {
    expect(testChange(49, 25, { polarity: 'rise_bad' }).worsening).toBe(true)
    expect(testChange(49, 25, { polarity: 'rise_good' }).worsening).toBe(false)
    expect(testChange(16, 36, { polarity: 'rise_good' }).worsening).toBe(true)
    expect(testChange(3, 1, { polarity: 'rise_bad' }).worsening).toBe(false)
    expect(testChange(3, 1).worsening).toBeNull()
  })
})

describe('month on month and year on year', () => {
  const series = new Map<string, number | null>([
    ['2023-03', 9],
    ['2024-03', 16],
    ['2025-03', 11],
    ['2025-12', 30],
    ['2026-01', 42],
    ['2026-02', null],
    ['2026-03', 25],
  ])

  it('month on month crosses the year boundary', () => {
    const r = monthOnMonth(series, '2026-01')
    expect(r).toMatchObject({ current: 42, previous: 30, baseline: 'previous-month', baselineMonths: ['2025-12'], change: 12, changePct: 40 })
    expect(r.z).toBeCloseTo(2 * (Math.sqrt(42) - Math.sqrt(30)), 12)
  })

  it('a month without data (absent or null) gives no change', () => {
    expect(monthOnMonth(series, '2026-03')).toMatchObject({ previous: null, z: null, flag: 'none' })
    expect(monthOnMonth(series, '2026-02')).toMatchObject({ current: null, z: null })
    expect(monthOnMonth(series, '2025-07')).toMatchObject({ current: null, previous: null })
  })

  it('year on year against the same month last year', () => {
    // 25 against 11: z = 2(5 − 3.31662) = 3.36675 → warning.
    const r = yearOnYear(series, '2026-03')
    expect(r).toMatchObject({ baseline: 'same-month-last-year', baselineMonths: ['2025-03'], previous: 11, change: 14, flag: 'warning' })
    expect(r.z).toBeCloseTo(3.3667504, 6)
  })

  it('year on year against the mean of the same month over 3 years', () => {
    // P̄ = (11 + 16 + 9)/3 = 12; z = 2(5 − √12) = 3.0717968 → warning; percent = 13/12 = 108.33%.
    const r = yearOnYear(series, '2026-03', { years: 3 })
    expect(r).toMatchObject({ baseline: 'same-month-mean', baselineMonths: ['2025-03', '2024-03', '2023-03'], previous: 12, change: 13 })
    expect(r.z).toBeCloseTo(3.0717967697, 9)
    expect(r.changePct).toBeCloseTo(108.3333333, 6)
    expect(r.flag).toBe('warning')
  })

  it('a 3-year mean needs every one of the 3 years', () => {
    expect(yearOnYear(series, '2026-01', { years: 3 })).toMatchObject({ previous: null, z: null, flag: 'none' })
    expect(() => yearOnYear(series, '2026-03', { years: 0 })).toThrow(RangeError)
  })
})

describe('change significance against an independent computation', () => {
  // A seeded fixture this code has not seen: 300 pairs of counts from a small LCG.
  let seed = 20_261_205
  const next = (max: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed % (max + 1)
  }
  const pairs = Array.from({ length: 300 }, () => [next(60), next(60)] as const)

  it('z, percent and flags equal the published formulas', () => {
    for (const [c, p] of pairs) {
      const z = 2 * (Math.sqrt(c) - Math.sqrt(p))
      const bare = Math.abs(z) >= 3 ? 'warning' : Math.abs(z) >= 2 ? 'notice' : 'none'
      const r = testChange(c, p)
      expect(r.z).toBeCloseTo(z, 12)
      expect(r.changePct).toEqual(p === 0 ? null : ((c - p) / p) * 100)
      expect(r.zFlag).toBe(bare)
      expect(r.flag).toBe(c + p < 6 ? 'none' : bare)
    }
  })

  it('pure noise at small counts raises far fewer flags than a 50% percent rule', () => {
    // Poisson(2) noise by inversion: percent-change alarms fire often, Poisson warnings rarely.
    const poisson = (lambda: number) => {
      let k = 0
      let prob = Math.exp(-lambda)
      let cdf = prob
      const u = next(1_000_000) / 1_000_001
      while (u > cdf) {
        k++
        prob *= lambda / k
        cdf += prob
      }
      return k
    }
    let percentAlarms = 0
    let warnings = 0
    const n = 2000
    for (let i = 0; i < n; i++) {
      const r = testChange(poisson(2), poisson(2), { minTotal: MIN_TOTAL })
      if (r.changePct !== null && Math.abs(r.changePct) >= 50)
        percentAlarms++
      if (r.flag === 'warning')
        warnings++
    }
    expect(percentAlarms / n).toBeGreaterThan(0.3)
    expect(warnings / n).toBeLessThan(0.02)
  })

  it('poissonZ is the plain formula', () => {
    expect(poissonZ(9, 4)).toBe(2)
    expect(poissonZ(4, 9)).toBe(-2)
  })
})
