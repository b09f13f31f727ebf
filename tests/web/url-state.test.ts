import type { ViewState } from '../../web/src/logic/url-state.ts'
import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, parseViewQuery, sameQuery, serializeViewQuery } from '../../web/src/logic/url-state.ts'

const township: ViewState = {
  city: '500100',
  level: 'township',
  parent: '500104',
  indicator: 'A1-01',
  period: '2025-03',
  to: '2025-06',
  normalize: 'per10k',
  compare: 'yoy',
  classify: 'jenks',
  k: 7,
  selected: '500104003000',
  lang: 'en',
}

describe('view query round trip', () => {
  it('survives serialize → parse unchanged', () => {
    expect(parseViewQuery(serializeViewQuery(township))).toEqual(township)
  })
  it('round-trips the root level, where the city is the parent', () => {
    const root: ViewState = { ...DEFAULT_VIEW, city: '220800', parent: '220800', period: '2025-01' }
    const query = serializeViewQuery(root)
    expect(query.city).toBeUndefined()
    expect(parseViewQuery(query)).toEqual(root)
  })
  it('writes a stable key order', () => {
    expect(Object.keys(serializeViewQuery(township))).toEqual(['level', 'parent', 'city', 'indicator', 'period', 'to', 'normalize', 'compare', 'classify', 'k', 'selected', 'lang'])
  })
})

describe('parseViewQuery with hostile input', () => {
  it('falls back to defaults for invalid values', () => {
    const view = parseViewQuery({
      level: 'country',
      parent: '50010\'; DROP TABLE region;--',
      indicator: 'Z9$',
      period: '2025-13',
      to: '😀',
      normalize: 'per100',
      compare: 'qoq',
      classify: 'kmeans',
      k: '12',
      selected: '<script>',
      lang: 'fr',
    })
    expect(view).toEqual({ ...DEFAULT_VIEW })
  })
  it('rejects k outside 3..9 and non-integers', () => {
    expect(parseViewQuery({ k: '2' }).k).toBe(5)
    expect(parseViewQuery({ k: '4.5' }).k).toBe(5)
    expect(parseViewQuery({ k: '9' }).k).toBe(9)
  })
  it('drops an end month that is not after the start', () => {
    expect(parseViewQuery({ period: '2025-05', to: '2025-05' }).to).toBeNull()
    expect(parseViewQuery({ period: '2025-05', to: '2025-01' }).to).toBeNull()
    expect(parseViewQuery({ to: '2025-05' }).to).toBeNull()
  })
  it('takes the first of repeated keys', () => {
    expect(parseViewQuery({ indicator: ['B2', 'C1'] }).indicator).toBe('B2')
  })
  it('falls back to the city level when a township view has no parent', () => {
    const view = parseViewQuery({ level: 'township', city: '220800' })
    expect(view).toMatchObject({ level: 'district', parent: '220800', city: '220800' })
  })
  it('accepts very long strings without throwing', () => {
    expect(() => parseViewQuery({ parent: '5'.repeat(100_000), indicator: 'A'.repeat(100_000) })).not.toThrow()
  })
})

describe('sameQuery', () => {
  it('ignores key order and treats missing as null', () => {
    expect(sameQuery({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true)
    expect(sameQuery({ a: '1' }, { a: '1', b: undefined })).toBe(true)
    expect(sameQuery({ a: '1' }, { a: '2' })).toBe(false)
  })
})
