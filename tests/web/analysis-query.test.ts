import { describe, expect, it } from 'vitest'
import { monthAxis, valueAxis } from '../../web/src/logic/chart-axes.ts'
import { analysisQuery } from '../../web/src/logic/gistar-state.ts'

describe('analysis query', () => {
  it('asks for one month without a band when none is set', () => {
    expect(analysisQuery('220800', 'all', { layer: 'gistar', size: 500, correction: 'none', distance: null }, '2026-03', null))
      .toEqual({ parent: '220800', grid: 'hex', size: '500', indicator: 'all', period: '2026-03', correction: 'none' })
  })

  it('carries a month range and a fixed band as strings', () => {
    expect(analysisQuery('500104', 'theft', { layer: 'emerging', size: 1000, correction: 'fdr', distance: 1500 }, '2025-04', '2026-03'))
      .toEqual({ parent: '500104', grid: 'hex', size: '1000', indicator: 'theft', period: '2025-04', to: '2026-03', correction: 'fdr', distance: '1500' })
  })
})

describe('chart axes', () => {
  it('labels months without the century', () => {
    const axis = monthAxis(['2025-12', '2026-01'])
    expect(axis.data).toEqual(['2025-12', '2026-01'])
    expect(axis.axisLabel.formatter('2026-01')).toBe('26-01')
  })

  it('keeps counts on whole numbers only when asked', () => {
    expect(valueAxis(1)).toMatchObject({ type: 'value', minInterval: 1 })
    expect(valueAxis()).not.toHaveProperty('minInterval')
  })
})
