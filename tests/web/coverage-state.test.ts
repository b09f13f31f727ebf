import type { ViewState } from '../../web/src/logic/url-state.ts'
import { describe, expect, it } from 'vitest'
import { coverageQuery, coverageShares, coverageToken, parseCoverageToken } from '../../web/src/logic/coverage-state.ts'
import { DEFAULT_LAYERS, parseLayers, serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
import { DEFAULT_VIEW, parseViewQuery, serializeViewQuery } from '../../web/src/logic/url-state.ts'

describe('the coverage choropleth and units layer in the URL', () => {
  it('reads and writes cover tokens, the month count only when not 6', () => {
    expect(parseCoverageToken('cover3')).toEqual({ minutes: 3, months: 6 })
    expect(parseCoverageToken('cover5m12')).toEqual({ minutes: 5, months: 12 })
    expect(parseCoverageToken('cover1m99')).toEqual({ minutes: 1, months: 6 })
    expect(parseCoverageToken('cover1m0')).toEqual({ minutes: 1, months: 6 })
    expect(parseCoverageToken('cover2')).toBeNull()
    expect(parseCoverageToken('cover')).toBeNull()
    expect(coverageToken({ minutes: 3, months: 6 })).toBe('cover3')
    expect(coverageToken({ minutes: 1, months: 24 })).toBe('cover1m24')
  })

  it('round-trips through the layers param with the other switches', () => {
    for (const units of [undefined, true]) {
      for (const coverage of [undefined, { minutes: 1 as const, months: 6 }, { minutes: 5 as const, months: 36 }]) {
        const layers = { ...DEFAULT_LAYERS, points: true, ...(units ? { units } : {}), ...(coverage ? { coverage } : {}) }
        expect(parseLayers(serializeLayers(layers))).toEqual(layers)
      }
    }
    expect(serializeLayers({ ...DEFAULT_LAYERS, units: true, coverage: { minutes: 3, months: 12 } })).toBe('choropleth,units,cover3m12')
    expect(parseLayers('choropleth,units,cover3')).toEqual({ ...DEFAULT_LAYERS, units: true, coverage: { minutes: 3, months: 6 } })
  })

  it('leaves links without the new tokens exactly as they were', () => {
    expect(serializeLayers(DEFAULT_LAYERS)).toBeUndefined()
    expect(parseLayers(undefined)).toEqual(DEFAULT_LAYERS)
    expect(parseLayers('choropleth,points')).not.toHaveProperty('units')
    expect(parseLayers('choropleth,points')).not.toHaveProperty('coverage')
    const view: ViewState = { ...DEFAULT_VIEW, level: 'township', parent: '500104', city: '500100', period: '2026-03', layers: { ...DEFAULT_LAYERS, coverage: { minutes: 5, months: 3 } } }
    expect(serializeViewQuery(view).layers).toBe('choropleth,cover5m3')
    expect(parseViewQuery(serializeViewQuery(view)).layers).toEqual(view.layers)
  })
})

describe('the coverage query and the shares drawn', () => {
  const view = { level: 'township' as const, parent: '500104', indicator: 'A2', period: '2026-01', to: null }

  it('asks for the view\'s regions over N months ending with its last month', () => {
    expect(coverageQuery(view, 6)).toEqual({ level: 'township', parent: '500104', indicator: 'A2', months: '6', to: '2026-01' })
    expect(coverageQuery({ ...view, to: '2026-03' }, 12)).toEqual({ level: 'township', parent: '500104', indicator: 'A2', months: '12', to: '2026-03' })
    expect(coverageQuery({ ...view, parent: null }, 6)).toBeNull()
    expect(coverageQuery({ ...view, period: null }, 6)).toBeNull()
  })

  it('picks the share of the minutes chosen, null where a region had no events', () => {
    const coverage = { regions: [
      { code: 'a', name: 'A', events: 10, within1: 1, within3: 4, within5: 9, share1: 0.1, share3: 0.4, share5: 0.9 },
      { code: 'b', name: 'B', events: 0, within1: 0, within3: 0, within5: 0, share1: null, share3: null, share5: null },
    ] } as never
    expect([...coverageShares(coverage, 3)]).toEqual([['a', 0.4], ['b', null]])
    expect([...coverageShares(coverage, 5)]).toEqual([['a', 0.9], ['b', null]])
    expect(coverageShares(null, 1).size).toBe(0)
  })
})
