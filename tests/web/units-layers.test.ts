import type { LayerSpecification } from 'maplibre-gl'
import { createPropertyExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { NO_DATA_COLOR } from '../../web/src/logic/color-ramp.ts'
import { COVERAGE_COLORS, coverageClassOf, coverageFillExpression } from '../../web/src/logic/coverage-classes.ts'
import { REACH_COLORS } from '../../web/src/logic/units-reach.ts'
import { UNIT_TYPE_COLORS, UNIT_TYPES } from '../../web/src/logic/units-types.ts'
import { regionsFill } from '../../web/src/map/layers/regions-fill.ts'
import { unitsLayers } from '../../web/src/map/layers/units-layers.ts'
import { REACH_SOURCE, UNITS_SOURCE } from '../../web/src/map/layers/units-source.ts'
import { REGIONS_SOURCE } from '../../web/src/map/sources.ts'

const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection', features: [] } }

function styleWith(layers: LayerSpecification[]) {
  return { version: 8 as const, sources: { [UNITS_SOURCE]: empty, [REACH_SOURCE]: empty, [REGIONS_SOURCE]: empty }, layers }
}

const hex = (c: { r: number, g: number, b: number }) => `#${[c.r, c.g, c.b].map(x => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`

/** A paint or layout value evaluated as MapLibre does, for one feature at one zoom. */
function evaluate(layer: LayerSpecification, group: 'paint' | 'layout', key: string, properties: Record<string, unknown>, state: Record<string, unknown> = {}, zoom = 14): unknown {
  const value = ((layer as unknown as Record<string, Record<string, unknown>>)[group] ?? {})[key]
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`${group}_${layer.type}`]![key]
  const parsed = createPropertyExpression(value, `layers.${layer.id}.${group}.${key}`, spec as never)
  if (parsed.result !== 'success')
    throw new Error(`${layer.id} ${key}: ${JSON.stringify(parsed.value)}`)
  return parsed.value.evaluate({ zoom }, { type: 'Polygon', properties, id: undefined } as never, state)
}

describe('units and reach layers', () => {
  const layers = unitsLayers(true, true)
  const byId = (id: string) => layers.find(l => l.id === id)!

  it('are valid MapLibre layers: reach below, units on top', () => {
    expect(validateStyleMin(styleWith(layers) as never)).toEqual([])
    expect(layers.map(l => l.id)).toEqual(['reach-fill', 'reach-outline', 'units-points'])
    expect(validateStyleMin(styleWith(unitsLayers(false, false)) as never)).toEqual([])
  })

  it('colour each unit type as its legend does, and enlarge the selected unit', () => {
    for (const type of UNIT_TYPES)
      expect(hex(evaluate(byId('units-points'), 'paint', 'circle-color', { type }) as never)).toBe(UNIT_TYPE_COLORS[type])
    const radius = (selected: boolean) => evaluate(byId('units-points'), 'paint', 'circle-radius', {}, { selected }) as number
    expect(radius(true)).toBeGreaterThan(radius(false))
  })

  it('colour the reach by minutes and keep the 1-minute area on top of the 3 and 5', () => {
    for (const m of [1, 3, 5] as const)
      expect(hex(evaluate(byId('reach-fill'), 'paint', 'fill-color', { minutes: m }) as never)).toBe(REACH_COLORS[m])
    const sortKey = (m: number) => evaluate(byId('reach-fill'), 'layout', 'fill-sort-key', { minutes: m }) as number
    expect(sortKey(1)).toBeGreaterThan(sortKey(3))
    expect(sortKey(3)).toBeGreaterThan(sortKey(5))
  })

  it('hide with their switches', () => {
    const off = unitsLayers(false, false)
    expect(off.map(l => (l.layout as { visibility: string }).visibility)).toEqual(['none', 'none', 'none'])
    expect(unitsLayers(true, false).map(l => (l.layout as { visibility: string }).visibility)).toEqual(['none', 'none', 'visible'])
  })
})

describe('the coverage choropleth', () => {
  const fill = regionsFill(coverageFillExpression('metric'))

  it('is a valid fill colour for the regions layer', () => {
    expect(validateStyleMin(styleWith([fill]) as never)).toEqual([])
  })

  it.each([0, 0.05, 0.2, 0.39, 0.4, 0.6, 0.8, 0.95, 1])('paints a share of %s in the class the table shows', (share) => {
    expect(hex(evaluate(fill, 'paint', 'fill-color', {}, { metric: share }) as never)).toBe(COVERAGE_COLORS[coverageClassOf(share)!])
  })

  it('paints a region without events (no share) grey', () => {
    expect(hex(evaluate(fill, 'paint', 'fill-color', {}, { metric: null }) as never)).toBe(NO_DATA_COLOR)
    expect(hex(evaluate(fill, 'paint', 'fill-color', {}, {}) as never)).toBe(NO_DATA_COLOR)
  })
})
