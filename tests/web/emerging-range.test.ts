import { describe, expect, it } from 'vitest'
import { EMERGING_MIN_MONTHS, emergingRange } from '../../web/src/logic/emerging-range.ts'

describe('emergingRange', () => {
  it('uses the view\'s own range when it has at least ten months', () => {
    expect(emergingRange({ period: '2025-03', to: '2025-12' }, '2025-01')).toEqual({ from: '2025-03', to: '2025-12', months: 10, widened: false })
    expect(emergingRange({ period: '2025-01', to: '2026-12' }, '2025-01')).toEqual({ from: '2025-01', to: '2026-12', months: 24, widened: false })
  })
  it('widens a single month to the twelve months ending at it, across a year end', () => {
    expect(emergingRange({ period: '2026-03', to: null }, '2025-01')).toEqual({ from: '2025-04', to: '2026-03', months: 12, widened: true })
  })
  it('widens a short range backwards from its end', () => {
    expect(emergingRange({ period: '2026-10', to: '2026-12' }, '2025-01')).toEqual({ from: '2026-01', to: '2026-12', months: 12, widened: true })
  })
  it('does not reach before the first month with data', () => {
    const r = emergingRange({ period: '2025-06', to: null }, '2025-01')!
    expect(r).toEqual({ from: '2025-01', to: '2025-06', months: 6, widened: true })
    // Too short still: the server will say so (too_few_months), and the layer shows it.
    expect(r.months).toBeLessThan(EMERGING_MIN_MONTHS)
  })
  it('is null without a period', () => {
    expect(emergingRange({ period: null, to: null }, '2025-01')).toBeNull()
  })
})
