import type { HotspotView } from '../../web/src/logic/gistar-state.ts'
import type { ViewState } from '../../web/src/logic/url-state.ts'
import { describe, expect, it } from 'vitest'
import { defaultHotspotSize, parseDistance, parseHotspotQuery, serializeHotspotQuery } from '../../web/src/logic/gistar-state.ts'
import { DEFAULT_VIEW, parseViewQuery, sameQuery, serializeViewQuery } from '../../web/src/logic/url-state.ts'

const district: ViewState = { ...DEFAULT_VIEW, city: '500000', level: 'township', parent: '500104', period: '2026-01', to: '2026-12' }

describe('hot spot state in the URL', () => {
  it('round-trips every layer, size and correction, with and without a band', () => {
    for (const layer of ['gistar', 'emerging'] as const) {
      for (const size of [250, 500, 1000] as const) {
        for (const correction of ['none', 'fdr'] as const) {
          for (const distance of [null, 866.026, 1500]) {
            const hotspot: HotspotView = { layer, size, correction, distance }
            const view = { ...district, hotspot }
            const query = serializeViewQuery(view)
            expect(parseViewQuery(query)).toEqual(view)
            // What the router stores is strings; parse it back from a real URL too.
            const url = new URL(`http://x/?${new URLSearchParams(query)}`)
            expect(parseViewQuery(Object.fromEntries(url.searchParams)).hotspot).toEqual(hotspot)
          }
        }
      }
    }
  })
  it('writes readable keys after the view\'s own, and nothing when the layers are off', () => {
    const query = serializeViewQuery({ ...district, hotspot: { layer: 'gistar', size: 500, correction: 'fdr', distance: 1200 } })
    expect(Object.keys(query).slice(-4)).toEqual(['hotspot', 'hsize', 'correction', 'distance'])
    expect(new URLSearchParams(query).toString()).toContain('hotspot=gistar&hsize=500&correction=fdr&distance=1200')
    expect(serializeHotspotQuery(undefined)).toEqual({})
    expect(Object.keys(serializeViewQuery(district))).not.toContain('hotspot')
  })
  it('leaves links without hot spot keys as they were', () => {
    expect(parseViewQuery({ level: 'district', parent: '220800' }).hotspot).toBeUndefined()
    expect(sameQuery(serializeViewQuery(district), serializeViewQuery({ ...district, hotspot: undefined }))).toBe(true)
  })
  it('tells a change of any hot spot option from no change', () => {
    const a = serializeViewQuery({ ...district, hotspot: { layer: 'gistar', size: 500, correction: 'none', distance: null } })
    const b = serializeViewQuery({ ...district, hotspot: { layer: 'gistar', size: 500, correction: 'fdr', distance: null } })
    expect(sameQuery(a, b)).toBe(false)
  })
})

describe('parseHotspotQuery with hostile input', () => {
  it('ignores unknown layers, so the layers stay off', () => {
    expect(parseHotspotQuery({ hotspot: 'kde' })).toBeUndefined()
    expect(parseHotspotQuery({ hotspot: '<script>' })).toBeUndefined()
    expect(parseHotspotQuery({})).toBeUndefined()
  })
  it('falls back to defaults for bad options', () => {
    expect(parseHotspotQuery({ hotspot: 'gistar', hsize: '300', correction: 'bonferroni', distance: '-5' }))
      .toEqual({ layer: 'gistar', size: 500, correction: 'none', distance: null })
    expect(parseHotspotQuery({ hotspot: ['emerging', 'gistar'], hsize: ['1000'] }))
      .toEqual({ layer: 'emerging', size: 1000, correction: 'none', distance: null })
  })
  it('accepts only bands the server accepts', () => {
    expect(parseDistance('866.026')).toBe(866.026)
    expect(parseDistance(' 1500 ')).toBe(1500)
    expect(parseDistance('1.23456')).toBe(1.235)
    expect(parseDistance(50_000)).toBe(50_000)
    for (const bad of ['0', '50000.5', '1e3', 'Infinity', 'NaN', '12m', '', '9'.repeat(400), null, undefined, '-1'])
      expect(parseDistance(bad), String(bad)).toBeNull()
  })
})

describe('defaultHotspotSize', () => {
  it('starts with 1 km over a whole city and 500 m inside a district', () => {
    expect(defaultHotspotSize('district')).toBe(1000)
    expect(defaultHotspotSize('township')).toBe(500)
  })
})
