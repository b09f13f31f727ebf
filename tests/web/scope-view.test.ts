import type { Scope } from '../../web/src/logic/scope-view.ts'
import { describe, expect, it } from 'vitest'
import { canLeaveDistrict, citiesInScope, scopeCodeOf, scopeNameOf, scopeRootView, viewWithinScope } from '../../web/src/logic/scope-view.ts'
import { DEFAULT_VIEW } from '../../web/src/logic/url-state.ts'

const everything: Scope = { code: '*', name: '全部', level: 'all', path: [] }
const province = { code: '500000', name: '重庆市', level: 'province' }
const city: Scope = { code: '500100', name: '市辖区', level: 'city', path: [province] }
const cityNode = { code: city.code, name: city.name, level: 'city' }
const district: Scope = { code: '500104', name: '大渡口区', level: 'district', path: [province, cityNode] }
const districtNode = { code: district.code, name: district.name, level: 'district' }
const township: Scope = { code: '500104003000', name: '跳磴镇', level: 'township', path: [province, cityNode, districtNode] }

describe('scopeRootView', () => {
  it('leaves the default behaviour for everything and for no session', () => {
    expect(scopeRootView(everything)).toBeNull()
    expect(scopeRootView(null)).toBeNull()
  })
  it('starts a city scope at its districts', () => {
    expect(scopeRootView(city)).toEqual({ city: '500100', level: 'district', parent: '500100', selected: null })
  })
  it('starts a district scope at its townships', () => {
    expect(scopeRootView(district)).toEqual({ city: '500100', level: 'township', parent: '500104', selected: null })
  })
  it('starts a township scope at its district\'s townships with the township selected', () => {
    expect(scopeRootView(township)).toEqual({ city: '500100', level: 'township', parent: '500104', selected: '500104003000' })
  })
  it('finds ancestors by level, whatever the path order', () => {
    const reversed: Scope = { ...township, path: [...township.path].reverse() }
    expect(scopeRootView(reversed)?.parent).toBe('500104')
  })
  it('has no root for a township whose district is unknown, or for a level the map lacks', () => {
    expect(scopeRootView({ ...township, path: [] })).toBeNull()
    expect(scopeRootView({ ...province, path: [] })).toBeNull()
  })
})

describe('staying inside the scope', () => {
  const view = (changes: Partial<typeof DEFAULT_VIEW>) => ({ ...DEFAULT_VIEW, ...changes })
  it('lets a city user drill into any district of the city, but not another city', () => {
    expect(viewWithinScope(view({ city: '500100', level: 'township', parent: '500104' }), city)).toBe(true)
    expect(viewWithinScope(view({ city: '220800', level: 'district', parent: '220800' }), city)).toBe(false)
  })
  it('keeps a district user on that district\'s townships', () => {
    expect(viewWithinScope(view({ city: '500100', level: 'township', parent: '500104' }), district)).toBe(true)
    expect(viewWithinScope(view({ city: '500100', level: 'district', parent: '500100' }), district)).toBe(false)
    expect(viewWithinScope(view({ city: '500100', level: 'township', parent: '500105' }), township)).toBe(false)
  })
  it('accepts anything when the scope is everything', () => {
    expect(viewWithinScope(view({ city: '220800', parent: '220800' }), everything)).toBe(true)
  })
  it('offers "up" and other cities only where the scope allows', () => {
    expect([everything, city, district, township].map(canLeaveDistrict)).toEqual([true, true, false, false])
    const cities = [{ code: '500100', name: '重庆' }, { code: '220800', name: '白城市' }]
    expect(citiesInScope(cities, everything)).toHaveLength(2)
    expect(citiesInScope(cities, district)).toEqual([{ code: '500100', name: '重庆' }])
    // A district scope's catalogue may not list its city; the scope's own path names it.
    expect(citiesInScope([], district)).toEqual([{ code: '500100', name: '市辖区' }])
  })
})

describe('scope labels', () => {
  it('reads object and bare-code scopes', () => {
    expect(scopeCodeOf(district)).toBe('500104')
    expect(scopeCodeOf('500104')).toBe('500104')
    expect(scopeNameOf(district)).toBe('大渡口区 (500104)')
    expect(scopeNameOf('*')).toBeNull()
    expect(scopeNameOf(null)).toBeNull()
  })
})
