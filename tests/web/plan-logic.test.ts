import { describe, expect, it } from 'vitest'
import { parseLayers, serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
import { badgeId, candidateFeatures, formatLength, formatShare, planRegion, postFeatures, routeFeatures, routeRanks } from '../../web/src/logic/plan-features.ts'
import { clampK, DEFAULT_PLAN_PARAMS, solveRequest } from '../../web/src/logic/plan-params.ts'
import { planLayers } from '../../web/src/map/layers/plan-layers.ts'

const posts = [
  { rank: 1, lon: 106.48, lat: 29.47, gain: 9 },
  { rank: 2, lon: 106.49, lat: 29.48, gain: 6 },
  { rank: 3, lon: 106.47, lat: 29.49, gain: 5 },
]

describe('plan map data', () => {
  it('posts carry rank, gain and a badge image named after both', () => {
    const fc = postFeatures(posts)
    expect(fc.features.map(f => f.properties)).toEqual([
      { rank: 1, gain: 9, badge: 'plan-badge-1-9' },
      { rank: 2, gain: 6, badge: 'plan-badge-2-6' },
      { rank: 3, gain: 5, badge: 'plan-badge-3-5' },
    ])
    expect(fc.features[1]!.geometry.coordinates).toEqual([106.49, 29.48])
    expect(badgeId(12, 0)).toBe('plan-badge-12-0')
  })

  it('the route is one line, or nothing for fewer than two points', () => {
    expect(routeFeatures(null).features).toEqual([])
    expect(routeFeatures({ line: { geometry: { coordinates: [[1, 2]] } } }).features).toEqual([])
    const line = routeFeatures({ line: { geometry: { coordinates: [[1, 2], [3, 4]] } } })
    expect(line.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[1, 2], [3, 4]] })
  })

  it('only candidates that would cover something are drawn', () => {
    const fc = candidateFeatures([{ cell: 'a', lon: 1, lat: 2, gain: 0 }, { cell: 'b', lon: 3, lat: 4, gain: 2 }])
    expect(fc.features.map(f => f.properties!.cell)).toEqual(['b'])
  })

  it('the route order is shown as post ranks', () => {
    expect(routeRanks([0, 2, 1], posts)).toEqual([1, 3, 2])
  })

  it('layers: candidates under the route under the posts, all hidden when off', () => {
    expect(planLayers(true, true).map(l => l.id)).toEqual(['plan-candidates', 'plan-route-casing', 'plan-route', 'plan-posts'])
    expect(planLayers(false, true).every(l => l.layout?.visibility === 'none')).toBe(true)
    const on = planLayers(true, false)
    expect(on.map(l => l.layout?.visibility)).toEqual(['none', 'visible', 'visible', 'visible'])
    const symbol = on.find(l => l.id === 'plan-posts')!
    expect(symbol.layout).toMatchObject({ 'icon-image': ['get', 'badge'], 'icon-allow-overlap': true })
    // Offline: no text, so no glyphs are needed.
    expect(JSON.stringify(on)).not.toMatch(/text-field/)
  })
})

describe('plan parameters', () => {
  it('the region is the selected one, else the district on the map', () => {
    expect(planRegion({ level: 'township', parent: '500104', selected: '500104003000' })).toBe('500104003000')
    expect(planRegion({ level: 'township', parent: '500104', selected: null })).toBe('500104')
    expect(planRegion({ level: 'district', parent: '500100', selected: null })).toBeNull()
  })

  it('k stays a whole number from 1 to 20', () => {
    expect([clampK(0), clampK(3.4), clampK(25), clampK(Number.NaN)]).toEqual([1, 3, 20, DEFAULT_PLAN_PARAMS.k])
  })

  it('the solve request takes the view\'s month and indicator', () => {
    const req = solveRequest({ k: 30, minutes: 5, months: 12, cellSize: 500 }, '500104003000', { period: '2026-03', to: null, indicator: 'A2' })
    expect(req).toEqual({ region: '500104003000', k: 20, minutes: 5, months: 12, cellSize: 500, indicator: 'A2', to: '2026-03' })
    expect(solveRequest(DEFAULT_PLAN_PARAMS, '500104', { period: null, to: null, indicator: 'all' })).not.toHaveProperty('to')
  })

  it('the plans layer switch round-trips through the URL', () => {
    expect(parseLayers('choropleth,plans').plans).toBe(true)
    expect(parseLayers('choropleth').plans).toBeUndefined()
    expect(serializeLayers({ ...parseLayers(undefined), plans: true })).toBe('choropleth,plans')
  })

  it('formats lengths and shares', () => {
    expect(formatLength(850.4, 'en')).toBe('850 m')
    expect(formatLength(12_345, 'en')).toBe('12.3 km')
    expect(formatShare(0.12345, 'en')).toBe('12.3%')
    expect(formatShare(null, 'en')).toBe('—')
  })
})
