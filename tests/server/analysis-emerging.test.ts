import type { EmergingCategory } from '@riskmap/server/analysis/emerging-hotspots.ts'
import type { Trend } from '@riskmap/server/analysis/mann-kendall.ts'
import { classifyEmergingCell, emergingHotSpots } from '@riskmap/server/analysis/emerging-hotspots.ts'
import { describe, expect, it } from 'vitest'

/** Twelve monthly bins written as a string: '.' not significant, 'h'/'H' hot at 90%/99%, 'c'/'C' cold. */
function bins(pattern: string): number[] {
  return [...pattern].map(ch => ({ '.': 0, 'h': 1, 'H': 3, 'c': -1, 'C': -3 })[ch]!)
}

const cases: Array<[string, Trend, EmergingCategory, boolean | null]> = [
  ['...........H', 'none', 'new', true],
  ['...........c', 'none', 'new', false],
  ['.........hHH', 'up', 'consecutive', true],
  ['..........cC', 'none', 'consecutive', false],
  ['hhhhhhhhhhHH', 'up', 'intensifying', true],
  ['cccccccccCCC', 'down', 'intensifying', false],
  ['HHHHHHHHHHHH', 'none', 'persistent', true],
  ['.ccccccccccc', 'none', 'persistent', false],
  ['HHHHHHHHhhhh', 'down', 'diminishing', true],
  ['CCCCCCCCcccc', 'up', 'diminishing', false],
  ['.h..H..h...h', 'none', 'sporadic', true],
  ['c....cc...cc', 'none', 'sporadic', false],
  ['c..h..C....h', 'none', 'oscillating', true],
  ['h.........cc', 'none', 'oscillating', false],
  ['HHHHHHHHHHH.', 'down', 'historical', true],
  ['ccccccccccc.', 'none', 'historical', false],
  ['............', 'none', 'none', null],
  ['hh.h........', 'none', 'none', null],
  // A cell hot for 11 of 12 months that ends cold: the final step decides the side.
  ['hhhhhhhhhhhc', 'down', 'oscillating', false],
]

describe('emerging hot spot categories', () => {
  it.each(cases)('%s with trend %s is %s (hot: %s)', (pattern, trend, category, hot) => {
    expect(classifyEmergingCell(bins(pattern), trend)).toEqual({ category, hot })
  })

  it('derives the trend from the z series and counts each pattern', () => {
    const months = 12
    // Cell 0: hot every month with z rising → intensifying. Cell 1: hot with z falling →
    // diminishing. Cell 2: hot with z wobbling → persistent. Cell 3: never significant.
    const zRows = [
      Array.from({ length: months }, (_, t) => 2 + t * 0.2),
      Array.from({ length: months }, (_, t) => 4.4 - t * 0.2),
      Array.from({ length: months }, (_, t) => (t % 2 ? 2.6 : 2.4)),
      Array.from({ length: months }, () => 0.3),
    ]
    const steps = Array.from({ length: months }, (_, t) => ({
      z: zRows.map(row => row[t]!),
      bin: zRows.map(row => (row[t]! >= 2.576 ? 3 : row[t]! >= 1.96 ? 2 : 0)),
    }))
    const { cells, summary, method } = emergingHotSpots(steps)
    expect(cells.map(c => [c.category, c.hot, c.trend])).toEqual([
      ['intensifying', true, 'up'],
      ['diminishing', true, 'down'],
      ['persistent', true, 'none'],
      ['none', null, 'none'],
    ])
    expect(cells[0]).toMatchObject({ hotSteps: 12, coldSteps: 0 })
    expect(cells[0]!.trendP).toBeLessThan(0.001)
    expect(summary['intensifying-hot']).toBe(1)
    expect(summary['diminishing-hot']).toBe(1)
    expect(summary['persistent-hot']).toBe(1)
    expect(summary.none).toBe(1)
    expect(summary['new-cold']).toBe(0)
    expect(method.warnings).toEqual([])
  })

  it('warns below ten time steps and rejects ragged input', () => {
    const step = { z: [1, 2], bin: [0, 1] }
    expect(emergingHotSpots([step, step, step]).method.warnings[0]).toMatch(/fewer than 10 time steps/)
    expect(() => emergingHotSpots([step, { z: [1], bin: [0] }])).toThrow(RangeError)
  })
})
