import { describe, expect, it } from 'vitest'
import { clampMonth, isMonth, monthRange } from '../../web/src/logic/months.ts'

describe('months', () => {
  it('lists a range across a year end', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02'])
  })
  it('is empty for reversed or invalid bounds', () => {
    expect(monthRange('2025-02', '2024-11')).toEqual([])
    expect(monthRange('2025-2', '2025-03')).toEqual([])
  })
  it('validates and clamps', () => {
    expect(isMonth('2025-00')).toBe(false)
    expect(clampMonth('2020-01', '2024-01', '2025-12', '2025-12')).toBe('2024-01')
    expect(clampMonth('2030-01', '2024-01', '2025-12', '2025-12')).toBe('2025-12')
    expect(clampMonth(undefined, '2024-01', '2025-12', '2025-12')).toBe('2025-12')
  })
})
