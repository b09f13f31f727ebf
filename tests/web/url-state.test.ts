import type { ViewState } from '../../web/src/logic/url-state.ts'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LAYERS, parseLayers, serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
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
  layers: { choropleth: false, points: true, heatmap: true, hexbins: true, hexSize: 1000 },
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
    expect(Object.keys(serializeViewQuery(township))).toEqual(['level', 'parent', 'city', 'indicator', 'period', 'to', 'normalize', 'compare', 'classify', 'k', 'selected', 'lang', 'layers'])
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
      layers: undefined,
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

describe('the layers param', () => {
  it('is left out for the default (choropleth only), so older links read the same', () => {
    const root: ViewState = { ...DEFAULT_VIEW, city: '220800', parent: '220800', period: '2025-01' }
    expect(serializeViewQuery(root).layers).toBeUndefined()
    expect(parseViewQuery({ level: 'district', parent: '220800' }).layers).toEqual(DEFAULT_LAYERS)
  })
  it('round-trips every combination of switches and hex sizes', () => {
    for (let bits = 0; bits < 16; bits++) {
      for (const hexSize of [250, 500, 1000] as const) {
        const layers = { choropleth: !!(bits & 1), points: !!(bits & 2), heatmap: !!(bits & 4), hexbins: !!(bits & 8), hexSize }
        const view: ViewState = { ...township, layers }
        const back = parseViewQuery(serializeViewQuery(view)).layers
        // The size travels with the hex switch; with hex off it falls back to the default.
        expect(back).toEqual(layers.hexbins ? layers : { ...layers, hexSize: DEFAULT_LAYERS.hexSize })
      }
    }
  })
  it('writes readable tokens', () => {
    expect(serializeLayers({ choropleth: true, points: true, heatmap: false, hexbins: true, hexSize: 250 })).toBe('choropleth,points,hex250')
    expect(serializeLayers({ ...DEFAULT_LAYERS, choropleth: false })).toBe('')
    expect(parseLayers('')).toEqual({ ...DEFAULT_LAYERS, choropleth: false })
  })
  it('ignores unknown tokens and sizes, and survives hostile values', () => {
    expect(parseLayers('points,hex300,hexagon,<script>,heatmap;DROP')).toEqual({ ...DEFAULT_LAYERS, choropleth: false, points: true })
    expect(parseViewQuery({ layers: ['heatmap', 'points'] }).layers).toEqual({ ...DEFAULT_LAYERS, choropleth: false, heatmap: true })
    expect(() => parseLayers('points,'.repeat(100_000))).not.toThrow()
    expect(parseLayers('😀,hex1000').hexbins).toBe(true)
  })
})
