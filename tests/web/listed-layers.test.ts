import type { LayerSpecification } from 'maplibre-gl'
import { createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { drawnGeometry, geometryBounds } from '../../web/src/logic/listed-geometry.ts'
import { LISTED_STATUSES, OVERDUE_COLOR, STATUS_COLORS } from '../../web/src/logic/listed-lifecycle.ts'
import { listedLayers } from '../../web/src/map/layers/listed-layers.ts'
import { LISTED_SOURCE } from '../../web/src/map/layers/listed-source.ts'

const POINT = 1
const POLYGON = 3

function paintValue(layer: LayerSpecification, key: string, properties: Record<string, unknown>, state: Record<string, unknown> = {}): unknown {
  const value = ((layer as { paint?: Record<string, unknown> }).paint ?? {})[key]
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]![key]
  const parsed = createPropertyExpression(value, `layers.${layer.id}.paint.${key}`, spec as never)
  if (parsed.result !== 'success')
    throw new Error(`${layer.id} ${key}: ${JSON.stringify(parsed.value)}`)
  return parsed.value.evaluate({ zoom: 14 }, { type: 'Point', properties, id: undefined } as never, state)
}

function passes(layer: LayerSpecification, type: number, properties: Record<string, unknown>): boolean {
  const filter = featureFilter((layer as { filter?: unknown }).filter as never, `layers.${layer.id}.filter`)
  return filter.filter({ zoom: 14 }, { type, properties, geometry: [] } as never)
}

const layers = listedLayers(true)
const byId = (id: string) => layers.find(l => l.id === id)!

describe('listed hotspot layers', () => {
  it('are valid MapLibre layers on the listed source, switched by visibility only', () => {
    const style = { version: 8, sources: { [LISTED_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }, layers }
    expect(validateStyleMin(style as never)).toEqual([])
    expect(layers.every(l => (l as { source: string }).source === LISTED_SOURCE && l.layout?.visibility === 'visible')).toBe(true)
    const hidden = listedLayers(false)
    expect(hidden.map(l => l.id)).toEqual(layers.map(l => l.id))
    expect(hidden.every(l => l.layout?.visibility === 'none')).toBe(true)
  })

  it('colours each status with its legend colour', () => {
    for (const status of LISTED_STATUSES) {
      expect(paintValue(byId('listed-fill'), 'fill-color', { status })).toMatchObject(colorOf(STATUS_COLORS[status]))
      expect(paintValue(byId('listed-points'), 'circle-color', { status })).toMatchObject(colorOf(STATUS_COLORS[status]))
    }
  })

  it('draws points as circles and polygons as fill and outline', () => {
    expect(passes(byId('listed-points'), POINT, { status: 'listed' })).toBe(true)
    expect(passes(byId('listed-points'), POLYGON, { status: 'listed' })).toBe(false)
    expect(passes(byId('listed-fill'), POLYGON, { status: 'listed' })).toBe(true)
    expect(passes(byId('listed-outline'), POLYGON, { status: 'listed' })).toBe(true)
    expect(passes(byId('listed-fill'), POINT, { status: 'listed' })).toBe(false)
  })

  it('flags overdue items only, with a red dashed outline or a red ring', () => {
    expect(passes(byId('listed-overdue-outline'), POLYGON, { overdue: true })).toBe(true)
    expect(passes(byId('listed-overdue-outline'), POLYGON, { overdue: false })).toBe(false)
    expect(passes(byId('listed-points-overdue'), POINT, { overdue: true })).toBe(true)
    expect(passes(byId('listed-points-overdue'), POINT, { overdue: false })).toBe(false)
    expect(passes(byId('listed-points-overdue'), POLYGON, { overdue: true })).toBe(false)
    expect(paintValue(byId('listed-points-overdue'), 'circle-stroke-color', {})).toMatchObject(colorOf(OVERDUE_COLOR))
  })

  it('draws the overdue ring above the area and the points on top', () => {
    const order = layers.map(l => l.id)
    expect(order.indexOf('listed-overdue-outline')).toBeGreaterThan(order.indexOf('listed-outline'))
    expect(order.at(-1)).toBe('listed-points')
  })

  it('marks the selected item through feature-state', () => {
    expect(paintValue(byId('listed-outline'), 'line-width', { status: 'listed' }, { selected: true })).toBe(4)
    expect(paintValue(byId('listed-outline'), 'line-width', { status: 'listed' }, {})).toBe(2)
  })
})

describe('drawn geometry', () => {
  it('keeps a point or a closed polygon, rounded to 1e-7°', () => {
    expect(drawnGeometry({ type: 'Point', coordinates: [106.123456789, 29.987654321] })).toEqual({ type: 'Point', coordinates: [106.1234568, 29.9876543] })
    const ring = [[106, 29], [106.01, 29], [106.01, 29.01], [106, 29]]
    expect(drawnGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual({ type: 'Polygon', coordinates: [ring] })
  })

  it('drops anything else', () => {
    expect(drawnGeometry({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toBeNull()
    expect(drawnGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toBeNull()
    expect(drawnGeometry(undefined)).toBeNull()
  })

  it('bounds any geometry', () => {
    expect(geometryBounds({ type: 'Polygon', coordinates: [[[106, 29], [106.2, 29.1], [105.9, 29.3], [106, 29]]] })).toEqual([105.9, 29, 106.2, 29.3])
    expect(geometryBounds({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2, 1, 2])
    expect(geometryBounds(null)).toBeNull()
  })
})

/** The spec's Color for a hex colour: r, g, b in 0–1 (premultiplied by alpha 1). */
function colorOf(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16)
  return { r: expect.closeTo(((n >> 16) & 255) / 255, 5), g: expect.closeTo(((n >> 8) & 255) / 255, 5), b: expect.closeTo((n & 255) / 255, 5) }
}
