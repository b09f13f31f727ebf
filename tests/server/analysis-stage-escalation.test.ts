import type { StageMonthCounts } from '@riskmap/server/analysis/stage-escalation.ts'
import { senSlope, stageEscalation, stageTotals } from '@riskmap/server/analysis/stage-escalation.ts'
import { describe, expect, it } from 'vitest'

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']

function rows(region: string, emerging: number[], downstream: number[]): StageMonthCounts[] {
  // Split downstream between escalation and intensification; only the sum matters.
  return emerging.map((a, t) => ({ region, month: months[t]!, emerging: a, escalation: Math.floor(downstream[t]! / 2), intensification: Math.ceil(downstream[t]! / 2) }))
}

describe('stage escalation ratio', () => {
  // 'rising': 20 emerging a month turn into 2, 4, … 12 petitions and cases (ratio .1 → .6).
  // 'flat': 20 emerging, 4 downstream every month (ratio .2).
  const fixture = [...rows('rising', [20, 20, 20, 20, 20, 20], [2, 4, 6, 8, 10, 12]), ...rows('flat', [20, 20, 20, 20, 20, 20], [4, 4, 4, 4, 4, 4])]
  const [rising, flat] = stageEscalation(fixture, months)

  it('computes raw and smoothed ratios by hand', () => {
    // R = (42 + 24)/240 = 0.275. Rising, January: (2 + 10·0.275)/(20 + 10) = 4.75/30.
    expect(rising!.areaRatio).toBeCloseTo(0.275, 12)
    expect(rising!.months.map(m => m.raw)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    expect(rising!.months[0]!.smoothed).toBeCloseTo(4.75 / 30, 12)
    expect(rising!.months[5]!.smoothed).toBeCloseTo(14.75 / 30, 12)
    expect(flat!.months.every(m => m.raw === 0.2 && Math.abs(m.smoothed! - 6.75 / 30) < 1e-12)).toBe(true)
  })

  it('reads the trend with Mann-Kendall and a Theil–Sen slope', () => {
    // Strictly rising, n = 6: S = 15, Var = 6·5·17/18, z = 14/√28.333 = 2.6301; slope 2/30 a month.
    expect(rising!.trend).toMatchObject({ method: 'mann-kendall', trend: 'up', n: 6 })
    expect(rising!.trend.z).toBeCloseTo(14 / Math.sqrt(510 / 18), 12)
    expect(rising!.trend.senSlope).toBeCloseTo(2 / 30, 12)
    expect(flat!.trend).toMatchObject({ trend: 'none', z: 0, senSlope: 0 })
  })

  it('flags the region where emerging signals turn into petitions and cases, not the flat one', () => {
    // Last 3 months: rising 30/60 = .5, flat 12/60 = .2, area 42/120 = .35.
    expect(rising).toMatchObject({ recentRatio: 0.5, recentPooled: 0.35, turning: true })
    expect(rising!.reasons).toHaveLength(2)
    expect(flat).toMatchObject({ recentRatio: 0.2, turning: false })
  })

  it('emerging = 0 gives a null raw ratio, the smoothed one stays defined', () => {
    const [r] = stageEscalation([...fixture, ...rows('quiet', [0, 0, 0, 0, 0, 0], [1, 0, 0, 2, 0, 0])], months).filter(x => x.region === 'quiet')
    expect(r!.months.map(m => m.raw)).toEqual([null, null, null, null, null, null])
    // Area ratio now (66 + 3)/240; January: (1 + 10·R)/(0 + 10).
    expect(r!.months[0]!.smoothed).toBeCloseTo((1 + (10 * 69) / 240) / 10, 12)
    expect(r!.recentRatio).toBeNull()
    expect(r!.turning).toBe(false)
  })

  it('does not flag a rising ratio on a handful of emerging signals', () => {
    // Smoothed ratio rises every month, but only 1 + 1 + 1 emerging signals in the window.
    const small = rows('small', [1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 2, 3])
    const [r] = stageEscalation([...fixture, ...small], months).filter(x => x.region === 'small')
    expect(r!.trend.trend).toBe('up')
    expect(r!.recentRatio!).toBeGreaterThan(r!.recentPooled!)
    expect(r!.turning).toBe(false)
    expect(r!.reasons.join(' ')).toMatch(/only 3 emerging signals in the last 3 months/)
    expect(stageEscalation([...fixture, ...small], months, { minEmerging: 3 }).find(x => x.region === 'small')!.turning).toBe(true)
  })

  it('a month without a row is missing, not zero', () => {
    const gappy = rows('gappy', [20, 20, 20, 20, 20, 20], [2, 4, 6, 8, 10, 12]).filter(r => r.month !== '2026-03')
    const [r] = stageEscalation([...fixture, ...gappy], months).filter(x => x.region === 'gappy')
    expect(r!.months[2]).toEqual({ month: '2026-03', emerging: null, downstream: null, raw: null, smoothed: null })
    expect(r!.trend.n).toBe(5)
  })

  it('rejects bad counts and duplicate rows', () => {
    expect(() => stageEscalation([{ region: 'x', month: '2026-01', emerging: -1, escalation: 0, intensification: 0 }], months)).toThrow(RangeError)
    expect(() => stageEscalation([...rows('x', [1], [1]), ...rows('x', [1], [1])], months)).toThrow(/duplicate/)
  })
})

describe('helpers', () => {
  it('theil–Sen slope is the median pairwise slope', () => {
    // (0,1) (1,3) (2,2): slopes 2, 0.5, −1 → 0.5.
    expect(senSlope([[0, 1], [1, 3], [2, 2]])).toBe(0.5)
    // Adding (3,10): slopes −1, 0.5, 2, 3, 3.5, 8 → (2 + 3)/2.
    expect(senSlope([[0, 1], [1, 3], [2, 2], [3, 10]])).toBe(2.5)
    expect(senSlope([[0, 1]])).toBeNull()
  })

  it('sums catalog codes into the three risk stages', () => {
    expect(stageTotals({ 'A1-01': 3, 'A2': 2, 'B1-01': 1, 'B2-12': 2, 'C2-05': 4, 'D1-10': 9, 'zz': 5 })).toEqual({ emerging: 5, escalation: 3, intensification: 4 })
  })
})
