import type { LayerSpecification } from 'maplibre-gl'
import { createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { checkRows, describeWindow, rowsToWindows, windowsToRows } from '../../web/src/logic/duty-windows.ts'
import { DEFAULT_LAYERS, parseLayers, serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
import { createPatrolRequest, emptyPatrolDraft, patchPatrolRequest, validatePatrolDraft } from '../../web/src/logic/patrol-form.ts'
import { heatmapCells, heatmapMax, windowCells } from '../../web/src/logic/patrol-heatmap.ts'
import { PATROL_COLORS, PATROL_TYPES } from '../../web/src/logic/patrol-types.ts'
import { patrolLayers } from '../../web/src/map/layers/patrol-layers.ts'
import { PATROL_SOURCE } from '../../web/src/map/layers/patrol-source.ts'

const LINE = 2
const POLYGON = 3
const square = { type: 'Polygon' as const, coordinates: [[[106, 29], [106.01, 29], [106.01, 29.01], [106, 29]]] }
const route = { type: 'LineString' as const, coordinates: [[106, 29], [106.01, 29.01]] }

describe('the patrol form', () => {
  it('asks for a name and a shape, and a line for a drone route', () => {
    expect(validatePatrolDraft(emptyPatrolDraft())).toEqual({ name: 'required', geometry: 'required' })
    const drone = { ...emptyPatrolDraft(), name: 'x', type: 'drone_night_route' as const }
    expect(validatePatrolDraft({ ...drone, geometry: square }).geometry).toBe('lineOnly')
    expect(validatePatrolDraft({ ...drone, geometry: route })).toEqual({})
    expect(validatePatrolDraft({ ...drone, geometry: { type: 'LineString', coordinates: [[106, 29], [106, 29]] } }).geometry).toBe('tooFewPoints')
    // An edit keeps the saved shape: a drone route kept as a polygon is still refused.
    expect(validatePatrolDraft(drone, 'Polygon').geometry).toBe('lineOnly')
    expect(validatePatrolDraft(drone, 'LineString')).toEqual({})
  })

  it('checks each shift row, and leaves overlaps to the server', () => {
    const rows = [
      { days: [1, 2, 3, 4, 5, 6, 7], start: '8:00', end: '16:00' },
      { days: [1], start: '25:00', end: '02:00' },
      { days: [1], start: '08:00', end: '24:00' },
      { days: [], start: '08:00', end: '09:00' },
      { days: [2], start: '08:00', end: '08:00' },
    ]
    expect(checkRows(rows)).toEqual([null, 'start', null, 'days', 'same'])
    expect(validatePatrolDraft({ ...emptyPatrolDraft(), name: 'x', geometry: square, shifts: rows }).shifts).toEqual([null, 'start', null, 'days', 'same'])
  })

  it('sends every day without days, and times normalised', () => {
    const d = { ...emptyPatrolDraft(), name: ' 街面 ', team: ' 一组 ', geometry: square, shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '8:00', end: '1600' }, { days: [6, 5], start: '20:00', end: '02:00' }] }
    expect(createPatrolRequest(d)).toEqual({ name: '街面', type: 'street', team: '一组', shifts: [{ start: '08:00', end: '16:00' }, { days: [5, 6], start: '20:00', end: '02:00' }], geometry: square })
    expect(patchPatrolRequest({ ...d, geometry: null }, 4)).not.toHaveProperty('geometry')
    expect(patchPatrolRequest(d, 4)).toMatchObject({ version: 4, geometry: square })
    expect(rowsToWindows(windowsToRows([{ start: '08:00', end: '16:00' }, { days: [5, 6], start: '20:00', end: '02:00' }]))).toEqual([{ start: '08:00', end: '16:00' }, { days: [5, 6], start: '20:00', end: '02:00' }])
  })

  it('describes shifts for people', () => {
    const words = { dayNames: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], everyDay: '每天', through: '–', nextDay: '次日', separator: '、', pair: '–' }
    expect(describeWindow({ start: '20:00', end: '02:00' }, words)).toBe('每天 20:00–次日02:00')
    expect(describeWindow({ days: [1, 2, 3, 4, 5, 7], start: '08:00', end: '16:00' }, words)).toBe('周一–周五、周日 08:00–16:00')
    expect(describeWindow({ days: [6, 7], start: '23:00', end: '02:00' }, words)).toBe('周六–周日 23:00–次日02:00')
  })
})

describe('the heatmap cells', () => {
  it('puts Monday on the top row and each count at its hour', () => {
    const counts = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => d * 100 + h))
    const cells = heatmapCells(counts)
    expect(cells).toHaveLength(168)
    expect(cells).toContainEqual([5, 6, 5]) // Monday 05:00 on row 6 (top)
    expect(cells).toContainEqual([23, 0, 623]) // Sunday 23:00 on row 0 (bottom)
    expect(heatmapMax(counts)).toBe(623)
    expect(heatmapMax([[0, 0]])).toBe(1)
  })

  it('marks a recommended window\'s cells, past midnight into the next day and Sunday into Monday', () => {
    expect(windowCells({ day: 7, startHour: 23, hours: 3 })).toEqual([[23, 0], [0, 6], [1, 6]])
    expect(windowCells({ day: 1, startHour: 22, hours: 3 })).toEqual([[22, 6], [23, 6], [0, 5]])
    const overall = windowCells({ startHour: 20, hours: 2 })
    expect(overall).toHaveLength(14)
    expect(new Set(overall.map(c => c[1]))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]))
  })
})

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

describe('the patrol map layers', () => {
  const layers = patrolLayers(true)
  const byId = (id: string) => layers.find(l => l.id === id)!

  it('are valid MapLibre layers on the patrol source, switched by visibility only', () => {
    const style = { version: 8, sources: { [PATROL_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }, layers }
    expect(validateStyleMin(style as never)).toEqual([])
    expect(patrolLayers(false).every(l => l.layout?.visibility === 'none')).toBe(true)
  })

  it('colours each type with its legend colour, and dashes drone routes only', () => {
    for (const type of PATROL_TYPES) {
      const hex = PATROL_COLORS[type]
      const rgb = [1, 3, 5].map(i => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      const c = paintValue(byId(type === 'drone_night_route' ? 'patrol-drone-routes' : 'patrol-fill'), type === 'drone_night_route' ? 'line-color' : 'fill-color', { type }) as { r: number, g: number, b: number }
      expect([c.r, c.g, c.b].map(v => Math.round(v * 255))).toEqual(rgb.map(v => Math.round(v * 255)))
    }
    expect(passes(byId('patrol-drone-routes'), LINE, { type: 'drone_night_route' })).toBe(true)
    expect(passes(byId('patrol-drone-routes'), LINE, { type: 'back_alley' })).toBe(false)
    expect(passes(byId('patrol-routes'), LINE, { type: 'back_alley' })).toBe(true)
    expect(passes(byId('patrol-routes'), LINE, { type: 'drone_night_route' })).toBe(false)
    expect(passes(byId('patrol-fill'), POLYGON, { type: 'street' })).toBe(true)
    expect(passes(byId('patrol-fill'), LINE, { type: 'street' })).toBe(false)
    expect((byId('patrol-drone-routes').paint as Record<string, unknown>)['line-dasharray']).toBeDefined()
    expect((byId('patrol-routes').paint as Record<string, unknown>)['line-dasharray']).toBeUndefined()
    expect(paintValue(byId('patrol-routes'), 'line-width', {}, { selected: true })).toBe(5)
  })
})

describe('the patrol layer switch in the URL', () => {
  it('round-trips `patrol` in layers=', () => {
    expect(serializeLayers({ ...DEFAULT_LAYERS, patrol: true })).toBe('choropleth,patrol')
    expect(parseLayers('choropleth,patrol')).toEqual({ ...DEFAULT_LAYERS, patrol: true })
    expect(parseLayers('choropleth')).not.toHaveProperty('patrol')
  })
})
