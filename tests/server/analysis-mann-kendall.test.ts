import { mannKendall } from '@riskmap/server/analysis/mann-kendall.ts'
import { describe, expect, it } from 'vitest'

describe('mann-kendall', () => {
  it('handles ties (worked by hand)', () => {
    // x = 1 2 2 3 1 4. Signs of x_j − x_i for i < j, by row i:
    //   i=0 (1): + + + 0 +  → 4      i=1 (2): 0 + − +  → 1      i=2 (2): + − +  → 1
    //   i=3 (3): − +        → 0      i=4 (1): +        → 1      S = 7
    // Ties: two 1s and two 2s, each t(t−1)(2t+5) = 2·1·9 = 18.
    // Var(S) = [6·5·17 − 36]/18 = 474/18 = 26.333…;  z = (7 − 1)/√26.333… = 1.16924;
    // p = 0.24231 (mpmath), so no trend at 90%.
    const result = mannKendall([1, 2, 2, 3, 1, 4])
    expect(result.s).toBe(7)
    expect(result.varS).toBeCloseTo(474 / 18, 12)
    expect(result.z).toBeCloseTo(6 / Math.sqrt(474 / 18), 12)
    expect(result.p).toBeCloseTo(0.24231273167227863, 12)
    expect(result.trend).toBe('none')
  })

  it('a steady rise over ten months is a significant upward trend', () => {
    // Strictly increasing, n = 10: S = 45, Var = 10·9·25/18 = 125, z = 44/√125 = 3.9355.
    const up = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(up).toMatchObject({ s: 45, varS: 125, trend: 'up' })
    expect(up.z).toBeCloseTo(44 / Math.sqrt(125), 12)
    const down = mannKendall([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(down).toMatchObject({ s: -45, varS: 125, trend: 'down' })
    expect(down.z).toBeCloseTo(-44 / Math.sqrt(125), 12)
  })

  it('uses the continuity correction and a 90% threshold', () => {
    // x = 1 3 2 4 5, by row i: +4, (− + +) = 1, (+ +) = 2, + = 1, so S = 8.
    // Var = 5·4·15/18 = 16.667; z = (8 − 1)/√16.667 = 1.71464; p = 0.0864107 (mpmath):
    // an upward trend at 90%, but not at 95%. Without the −1, z would be 1.96 and p 0.05.
    const rising = mannKendall([1, 3, 2, 4, 5])
    expect(rising.s).toBe(8)
    expect(rising.z).toBeCloseTo(7 / Math.sqrt(300 / 18), 12)
    expect(rising.p).toBeCloseTo(0.0864107329737, 12)
    expect(rising.trend).toBe('up')
    expect(mannKendall([1, 3, 2, 4, 5], 0.05).trend).toBe('none')
  })

  it('gives no trend for short or constant series', () => {
    expect(mannKendall([])).toMatchObject({ s: 0, z: 0, p: 1, trend: 'none' })
    expect(mannKendall([1, 2])).toMatchObject({ s: 1, z: 0, p: 1, trend: 'none' })
    expect(mannKendall([4, 4, 4, 4, 4])).toMatchObject({ s: 0, varS: 0, z: 0, p: 1, trend: 'none' })
  })
})
