import { change, per10k } from '@riskmap/server/analysis/change.ts'
import { classBreaks } from '@riskmap/server/analysis/classify.ts'
import { addMonths, monthRange, monthSpan } from '@riskmap/server/analysis/months.ts'
import { describe, expect, it } from 'vitest'

describe('class breaks', () => {
  const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  it('equal interval splits the range evenly', () => {
    expect(classBreaks(xs, 'equal', 3)).toEqual([1, 4, 7, 10])
  })
  it('quantile uses linear interpolation (R type 7)', () => {
    // R: quantile(1:10, c(.25,.5,.75)) = 3.25 5.5 7.75
    expect(classBreaks(xs, 'quantile', 4)).toEqual([1, 3.25, 5.5, 7.75, 10])
  })
  it('jenks finds the natural gaps', () => {
    expect(classBreaks([1, 2, 3, 20, 21, 22, 50, 51, 52], 'jenks', 3)).toEqual([1, 20, 50, 52])
  })
  it('ignores nulls and returns fewer classes than asked when values repeat', () => {
    expect(classBreaks([null, 5, 5, 7, null], 'jenks', 5)).toEqual([5, 7])
    expect(classBreaks([3, 3, 3], 'quantile', 5)).toEqual([3, 3])
    expect(classBreaks([null], 'equal', 5)).toEqual([])
  })
})

describe('change', () => {
  it('percent change is empty when the previous value is zero', () => {
    expect(change(5, 0)).toEqual({ change: 5, changePct: null })
    expect(change(15, 10)).toEqual({ change: 5, changePct: 50 })
    expect(change(5, null)).toEqual({ change: null, changePct: null })
  })
  it('per 10k needs a population', () => {
    expect(per10k(25, 50_000)).toBe(5)
    expect(per10k(25, 0)).toBeNull()
  })
})

describe('months', () => {
  it('crosses year boundaries', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2025-12', 13)).toBe('2027-01')
    expect(monthSpan('2025-11', '2026-02')).toBe(4)
    expect(monthRange('2025-11', '2026-01')).toEqual(['2025-11', '2025-12', '2026-01'])
  })
})
