import { describe, expect, it } from 'vitest'
import { cityOfRegion } from '../../web/src/logic/city-of-region.ts'

const cities = [{ code: '220800' }, { code: '500000' }, { code: '500100' }]

describe('cityOfRegion', () => {
  it('finds the city of a district, a township and the city itself', () => {
    expect(cityOfRegion('220802', cities)).toBe('220800')
    expect(cityOfRegion('220802001000', cities)).toBe('220800')
    expect(cityOfRegion('220800', cities)).toBe('220800')
  })

  it('prefers the longest prefix and handles a municipality whose code is a province', () => {
    expect(cityOfRegion('500104', [{ code: '220800' }, { code: '500000' }])).toBe('500000')
    expect(cityOfRegion('500104', cities)).toBe('500100')
    expect(cityOfRegion('500230', cities)).toBe('500000')
  })

  it('answers null for a code under no listed city', () => {
    expect(cityOfRegion('110101', cities)).toBeNull()
    expect(cityOfRegion('220900', cities)).toBeNull()
  })
})
