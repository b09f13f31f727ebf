import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { parseLayers, serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
import { binRange, calendarData, hourRange } from '../../web/src/logic/water-calendar.ts'
import { emptyWaterDraft, lineLengthM, validateWaterDraft, waterFields, waterGeometry } from '../../web/src/logic/water-form.ts'
import { formatMetres, formatShare } from '../../web/src/logic/water-format.ts'
import { waterLayers } from '../../web/src/map/layers/water-layers.ts'
import { WATER_SOURCES } from '../../web/src/map/layers/water-source.ts'

const line = { type: 'LineString' as const, coordinates: [[106.5, 29.4], [106.51, 29.4]] }

describe('the water forms', () => {
  it('ask for a name and a shape; a route must fit its battery', () => {
    expect(validateWaterDraft('zone', emptyWaterDraft(), false)).toEqual({ name: 'required', geometry: 'required' })
    expect(validateWaterDraft('zone', { ...emptyWaterDraft(), name: 'x' }, true)).toEqual({})
    // 0.01° of longitude at 29.4° N is about 969 m.
    expect(lineLengthM(line)).toBeGreaterThan(960)
    expect(lineLengthM(line)).toBeLessThan(975)
    const route = { ...emptyWaterDraft(), name: 'r', geometry: line }
    expect(validateWaterDraft('route', { ...route, maxFlightM: 900 }, false)).toEqual({ maxFlightM: 'routeTooLong' })
    expect(validateWaterDraft('route', { ...route, maxFlightM: 1000 }, false)).toEqual({})
    expect(validateWaterDraft('route', { ...route, maxFlightM: 50 }, false)).toEqual({ maxFlightM: 'range' })
  })

  it('send only their own fields, and a geometry only of their type', () => {
    const d = { ...emptyWaterDraft(), name: ' 鱼塘 "一"; $1 ', geometry: line }
    expect(waterFields('zone', d)).toEqual({ name: '鱼塘 "一"; $1', kind: 'pond', danger: 2, approximate: false, sourceNote: '' })
    expect(waterFields('asset', d)).toEqual({ name: '鱼塘 "一"; $1', type: 'guard_post', note: '' })
    expect(waterFields('route', d)).toEqual({ name: '鱼塘 "一"; $1', drone: '', maxFlightM: 8000 })
    expect(waterGeometry('route', d)).toBe(line)
    expect(waterGeometry('zone', d)).toBeUndefined()
  })
})

describe('the calendar', () => {
  it('fills every month × hour cell, zeros included', () => {
    const data = calendarData([{ month: 7, hour: 17, count: 5 }, { month: 1, hour: 0, count: 1 }])
    expect(data).toHaveLength(288)
    expect(data.find(d => d[0] === 17 && d[1] === 6)).toEqual([17, 6, 5])
    expect(data.find(d => d[0] === 0 && d[1] === 0)).toEqual([0, 0, 1])
    expect(data.reduce((a, d) => a + d[2], 0)).toBe(6)
  })
  it('names peaks as ranges', () => {
    expect(binRange([6, 7, 8])).toBe('6–8')
    expect(binRange([12, 1])).toBe('12–1')
    expect(hourRange([16, 17, 18, 19])).toBe('16:00–20:00')
    expect(hourRange([23])).toBe('23:00–00:00')
    expect(formatMetres(850)).toBe('850 m')
    expect(formatMetres(11_500)).toBe('11.5 km')
    expect(formatShare(0.4567)).toBe('45.7%')
    expect(formatShare(null)).toBe('—')
  })
})

describe('the water layers', () => {
  it('are valid style layers; approximate zones are dashed, uncovered shoreline bright red', () => {
    const layers = waterLayers(true)
    const sources = Object.fromEntries(Object.values(WATER_SOURCES).map(s => [s, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }]))
    expect(validateStyleMin({ version: 8, sources, layers } as never)).toEqual([])
    const approx = layers.find(l => l.id === 'water-zones-approximate')!
    expect((approx as { paint: Record<string, unknown> }).paint['line-dasharray']).toBeDefined()
    const zone = (approximate: boolean) => ({ type: 3, properties: { approximate, danger: 3 }, geometry: [] }) as never
    expect(featureFilter((approx as { filter: never }).filter, 'layers.water-zones-approximate.filter').filter({ zoom: 12 } as never, zone(true))).toBe(true)
    expect(featureFilter((approx as { filter: never }).filter, 'layers.water-zones-approximate.filter').filter({ zoom: 12 } as never, zone(false))).toBe(false)
    const uncovered = layers.find(l => l.id === 'water-shore-uncovered') as { paint: Record<string, unknown> }
    expect(uncovered.paint['line-color']).toBe('#ff1744')
    expect(waterLayers(false).every(l => (l.layout as { visibility: string }).visibility === 'none')).toBe(true)
  })

  it('switch on with `water` in the URL', () => {
    expect(parseLayers('choropleth,water').water).toBe(true)
    expect(parseLayers('choropleth').water).toBeUndefined()
    expect(serializeLayers({ ...parseLayers('choropleth'), water: true })).toBe('choropleth,water')
  })
})
