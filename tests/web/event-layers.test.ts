import type { LayerSpecification } from 'maplibre-gl'
import { createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { CATEGORY_COLORS, categoryColor, OTHER_CATEGORY_COLOR, pointCategories } from '../../web/src/logic/event-colors.ts'
import { eventTilesUrl, tileRequest } from '../../web/src/logic/event-tiles.ts'
import { binWeights, HEAT_CELL_PX, HEAT_RADIUS_PX, heatmapIntensity } from '../../web/src/logic/heatmap-scale.ts'
import { DEFAULT_LAYERS } from '../../web/src/logic/map-layer-toggles.ts'
import { EVENT_CLICK_LAYERS, eventLayers } from '../../web/src/map/layers/events-layers.ts'
import { EVENTS_SOURCE, EVENTS_SOURCE_LAYER, HEXBINS_SOURCE } from '../../web/src/map/layers/events-source.ts'

const ORIGIN = 'http://127.0.0.1:8080'

describe('eventTilesUrl', () => {
  it('keeps the {z}/{x}/{y} template literal and encodes the query', () => {
    expect(eventTilesUrl(ORIGIN, { indicator: 'A2-01', period: '2025-06' }))
      .toBe(`${ORIGIN}/api/tiles/events/{z}/{x}/{y}.mvt?indicator=A2-01&period=2025-06`)
  })
  it('adds the end month of a range, and leaves out a null one', () => {
    const url = eventTilesUrl(ORIGIN, { indicator: 'all', period: '2025-01', to: '2025-06' })
    expect(new URL(url.replace('{z}/{x}/{y}', '1/2/3')).searchParams.get('to')).toBe('2025-06')
    expect(eventTilesUrl(ORIGIN, { indicator: 'all', period: '2025-01', to: null })).not.toContain('to=')
  })
  it('encodes hostile values instead of passing them through', () => {
    const url = eventTilesUrl(ORIGIN, { indicator: 'A&period=1999-01#', period: '2025-01' })
    const params = new URL(url.replace('{z}/{x}/{y}', '0/0/0')).searchParams
    expect(params.get('indicator')).toBe('A&period=1999-01#')
    expect(params.getAll('period')).toEqual(['2025-01'])
  })
})

describe('tileRequest (MapLibre transformRequest)', () => {
  const tile = `${ORIGIN}/api/tiles/events/9/420/180.mvt?indicator=all&period=2025-06`
  it('adds the bearer token to our own API', () => {
    expect(tileRequest(tile, ORIGIN, { bearer: 'rmd_secret' })).toEqual({ url: tile, headers: { Authorization: 'Bearer rmd_secret' } })
  })
  it('adds nothing for a cookie session', () => {
    expect(tileRequest(tile, ORIGIN, { bearer: null })).toEqual({ url: tile })
  })
  it('never sends the token to another host, even one whose name starts like ours', () => {
    for (const url of ['https://tiles.example.com/1/2/3.png', `${ORIGIN}.evil.test/api/x`, `${ORIGIN}/assets/app.js`])
      expect(tileRequest(url, ORIGIN, { bearer: 'rmd_secret' })).toEqual({ url })
  })
})

/** A style holding just these layers and their sources, for the spec's own validator. */
function styleWith(layers: LayerSpecification[]) {
  return {
    version: 8 as const,
    sources: {
      [EVENTS_SOURCE]: { type: 'vector' as const, tiles: [`${ORIGIN}/api/tiles/events/{z}/{x}/{y}.mvt`] },
      [HEXBINS_SOURCE]: { type: 'geojson' as const, data: { type: 'FeatureCollection', features: [] } },
    },
    layers,
  }
}

function paintValue(layer: LayerSpecification, key: string, properties: Record<string, unknown>, zoom = 14, state: Record<string, unknown> = {}): unknown {
  const value = ((layer as { paint?: Record<string, unknown> }).paint ?? {})[key]
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]![key]
  const parsed = createPropertyExpression(value, `layers.${layer.id}.paint.${key}`, spec as never)
  if (parsed.result !== 'success')
    throw new Error(`${layer.id} ${key}: ${JSON.stringify(parsed.value)}`)
  return parsed.value.evaluate({ zoom }, { type: 'Point', properties, id: undefined } as never, state)
}

function passes(layer: LayerSpecification, properties: Record<string, unknown>): boolean {
  const filter = featureFilter((layer as { filter?: unknown }).filter as never, `layers.${layer.id}.filter`)
  return filter.filter({ zoom: 14 }, { type: 1, properties, geometry: [] } as never)
}

const byId = (layers: LayerSpecification[], id: string) => layers.find(l => l.id === id)!
const cluster = { count: 37, cluster: true }
const single = { id: 901, indicator: 'C1-05', occurred_at: '2025-06-01T12:00:00Z', source: 'csv', count: 1, cluster: false }

describe('eventLayers', () => {
  const all = eventLayers({ toggles: { ...DEFAULT_LAYERS, points: true, heatmap: true, hexbins: true }, hexFillColor: '#fde13b', heatIntensity: 0.05 })

  it('are valid MapLibre layers on the events and hexbins sources', () => {
    expect(validateStyleMin(styleWith(all) as never)).toEqual([])
    for (const layer of all) {
      const { source, 'source-layer': sourceLayer } = layer as { 'source': string, 'source-layer'?: string }
      expect([EVENTS_SOURCE, HEXBINS_SOURCE]).toContain(source)
      if (source === EVENTS_SOURCE)
        expect(sourceLayer).toBe(EVENTS_SOURCE_LAYER)
    }
  })

  it('keeps every layer in a fixed order and switches with visibility only', () => {
    const none = eventLayers({ toggles: { ...DEFAULT_LAYERS }, hexFillColor: '#fde13b', heatIntensity: 0.05 })
    expect(none.map(l => l.id)).toEqual(all.map(l => l.id))
    expect(none.map(l => l.id)).toEqual(['hexbins-fill', 'hexbins-outline', 'events-heatmap', 'events-clusters', 'events-points'])
    expect(none.every(l => l.layout?.visibility === 'none')).toBe(true)
    expect(all.every(l => l.layout?.visibility === 'visible')).toBe(true)
    const heatOnly = eventLayers({ toggles: { ...DEFAULT_LAYERS, heatmap: true }, hexFillColor: '#000', heatIntensity: 0.05 })
    expect(heatOnly.filter(l => l.layout?.visibility === 'visible').map(l => l.id)).toEqual(['events-heatmap'])
  })

  it('starts at zoom 8 and leaves the top zoom open, so 8–16 all draw', () => {
    for (const layer of all.filter(l => l.id !== 'hexbins-outline')) {
      expect(layer.minzoom).toBe(8)
      expect(layer.maxzoom).toBeUndefined()
    }
  })

  it('splits clusters from single events by the cluster flag', () => {
    expect(passes(byId(all, 'events-clusters'), cluster)).toBe(true)
    expect(passes(byId(all, 'events-clusters'), single)).toBe(false)
    expect(passes(byId(all, 'events-points'), single)).toBe(true)
    expect(passes(byId(all, 'events-points'), cluster)).toBe(false)
  })

  it('sizes clusters by count, growing with it', () => {
    const layer = byId(all, 'events-clusters')
    const radii = [1, 10, 100, 1000, 50_000].map(count => paintValue(layer, 'circle-radius', { count, cluster: true }) as number)
    expect(radii[0]).toBeCloseTo(2.5)
    expect(radii[3]).toBeCloseTo(9.5)
    for (let i = 1; i < radii.length; i++)
      expect(radii[i]).toBeGreaterThanOrEqual(radii[i - 1]!)
  })

  it('weighs the heatmap by count, and a single event by 1', () => {
    const layer = byId(all, 'events-heatmap')
    expect(paintValue(layer, 'heatmap-weight', cluster)).toBe(37)
    expect(paintValue(layer, 'heatmap-weight', single)).toBe(1)
    expect(paintValue(layer, 'heatmap-weight', { id: 5 })).toBe(1)
  })

  it('colours single events by indicator category, and rings the selected one', () => {
    const layer = byId(all, 'events-points')
    const hex = (v: unknown) => {
      const c = v as { r: number, g: number, b: number }
      return `#${[c.r, c.g, c.b].map(x => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`
    }
    expect(hex(paintValue(layer, 'circle-color', { indicator: 'A2-01' }))).toBe(CATEGORY_COLORS.A)
    expect(hex(paintValue(layer, 'circle-color', { indicator: 'C1-05' }))).toBe(CATEGORY_COLORS.C)
    expect(hex(paintValue(layer, 'circle-color', { indicator: 'Z9' }))).toBe(OTHER_CATEGORY_COLOR)
    expect(paintValue(layer, 'circle-stroke-width', single, 14, { selected: true })).toBe(3)
    expect(paintValue(layer, 'circle-stroke-width', single, 14, {})).toBe(1)
  })

  it('lists the clickable layers topmost first', () => {
    const order = all.map(l => l.id)
    expect(EVENT_CLICK_LAYERS.map(id => order.indexOf(id))).toEqual([...EVENT_CLICK_LAYERS.map(id => order.indexOf(id))].sort((a, b) => b - a))
  })
})

describe('category colours', () => {
  it('map codes to their category colour', () => {
    expect(categoryColor('A2-01')).toBe(CATEGORY_COLORS.A)
    expect(categoryColor('D')).toBe(CATEGORY_COLORS.D)
    expect(categoryColor('')).toBe(OTHER_CATEGORY_COLOR)
    expect(categoryColor('😀')).toBe(OTHER_CATEGORY_COLOR)
  })
  it('lists only the categories that hold geolocated sub-classes', () => {
    const tree = [
      { code: 'A', children: [{ code: 'A2', children: [{ code: 'A2-01', geolocated: true }] }] },
      { code: 'B', children: [{ code: 'B1', children: [{ code: 'B1-01', geolocated: false }] }] },
      { code: 'C', children: [{ code: 'C1', children: [{ code: 'C1-01', geolocated: false }, { code: 'C1-05', geolocated: true }] }] },
      { code: 'D' },
    ]
    expect(pointCategories(tree).map(c => c.code)).toEqual(['A', 'C'])
  })
})

describe('heatmap scaling', () => {
  it('bins weights into screen cells, skipping empty weights', () => {
    const c = HEAT_CELL_PX
    const bins = binWeights([{ x: 1, y: 1, weight: 2 }, { x: c - 0.1, y: 0, weight: 3 }, { x: c, y: 0, weight: 4 }, { x: 2.5 * c, y: 2.5 * c, weight: 0 }, { x: -1, y: 0, weight: 1 }])
    expect(bins.sort((a, b) => a - b)).toEqual([1, 4, 5])
  })
  it('brings an evenly busy screen to a density of about 1', () => {
    // Events every 4 px, as dense as the busiest cells; the density MapLibre's kernel sums at a point.
    const perCell = 40
    const step = 4
    const weight = perCell * step * step / HEAT_CELL_PX ** 2
    const points = []
    for (let x = 0; x < 20 * HEAT_CELL_PX; x += step) {
      for (let y = 0; y < 20 * HEAT_CELL_PX; y += step)
        points.push({ x, y, weight })
    }
    const intensity = heatmapIntensity(binWeights(points))!
    const centre = 10 * HEAT_CELL_PX + 1
    let density = 0
    for (const p of points) {
      const d = Math.hypot(p.x - centre, p.y - centre) / HEAT_RADIUS_PX
      if (d < 1)
        density += p.weight * intensity * 0.3989 * Math.exp(-4.5 * d * d)
    }
    expect(density).toBeGreaterThan(0.8)
    expect(density).toBeLessThan(1.25)
  })
  it('scales inversely with the counts and ignores the odd outlier cell', () => {
    const base = heatmapIntensity(Array.from({ length: 300 }, () => 10))!
    expect(heatmapIntensity(Array.from({ length: 300 }, () => 100))! / base).toBeCloseTo(0.1, 1)
    expect(heatmapIntensity([...Array.from({ length: 300 }, () => 10), 5000])).toBe(base)
  })
  it('gives nothing to fit for no events', () => {
    expect(heatmapIntensity([])).toBeNull()
    expect(heatmapIntensity([0, Number.NaN])).toBeNull()
  })
})
