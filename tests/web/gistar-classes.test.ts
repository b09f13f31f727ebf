import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { GI_CLASSES, giClassCounts, giClassOf, giFillColor, giFillOpacity } from '../../web/src/logic/gistar-classes.ts'

function evaluate(expression: unknown, spec: unknown, bin: unknown): unknown {
  const parsed = createPropertyExpression(expression, 'layers.gistar-fill.paint', spec as never)
  if (parsed.result !== 'success')
    throw new Error(JSON.stringify(parsed.value))
  return parsed.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: { bin } } as never)
}

function hex(c: unknown): string {
  const { r, g, b } = c as { r: number, g: number, b: number }
  return `#${[r, g, b].map(x => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`
}

describe('gi* classes', () => {
  it('are Esri\'s seven, hot 99 % first, with Esri\'s classic reds and blues', () => {
    expect(GI_CLASSES.map(c => c.bin)).toEqual([3, 2, 1, 0, -1, -2, -3])
    expect(GI_CLASSES.map(c => c.key)).toEqual(['hot99', 'hot95', 'hot90', 'none', 'cold90', 'cold95', 'cold99'])
    expect(giClassOf(3).color).toBe('#d62f27')
    expect(giClassOf(-3).color).toBe('#4575b5')
    expect(new Set(GI_CLASSES.map(c => c.color)).size).toBe(7)
  })
  it('keep not-significant cells faint and significant ones solid', () => {
    expect(giClassOf(0).opacity).toBeLessThan(0.2)
    for (const c of GI_CLASSES.filter(c => c.bin !== 0))
      expect(c.opacity).toBeGreaterThanOrEqual(0.75)
  })
  it('treat anything that is not a bin as not significant', () => {
    for (const odd of [4, -4, 1.5, '3', null, undefined, Number.NaN])
      expect(giClassOf(odd).bin).toBe(0)
  })
})

describe('gi* paint expressions', () => {
  it('colour each bin with its class, evaluated by MapLibre\'s own expression engine', () => {
    for (const c of GI_CLASSES) {
      expect(hex(evaluate(giFillColor(), latest.paint_fill['fill-color'], c.bin))).toBe(c.color)
      expect(evaluate(giFillOpacity(), latest.paint_fill['fill-opacity'], c.bin)).toBeCloseTo(c.opacity, 6)
    }
  })
  it('fall back to not significant for a missing or odd bin', () => {
    expect(hex(evaluate(giFillColor(), latest.paint_fill['fill-color'], undefined))).toBe(giClassOf(0).color)
    expect(hex(evaluate(giFillColor(), latest.paint_fill['fill-color'], 7))).toBe(giClassOf(0).color)
  })
})

describe('giClassCounts', () => {
  it('counts cells per class in legend order, keeping empty classes', () => {
    const counts = giClassCounts([3, 3, 3, 2, 0, 0, 0, 0, -1, -3, -3])
    expect(counts.map(c => [c.bin, c.count])).toEqual([[3, 3], [2, 1], [1, 0], [0, 4], [-1, 1], [-2, 0], [-3, 2]])
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(11)
  })
  it('is all zeros for no cells, and counts odd values as not significant', () => {
    expect(giClassCounts([]).every(c => c.count === 0)).toBe(true)
    expect(giClassCounts([9, null, 1]).map(c => c.count)).toEqual([0, 0, 1, 2, 0, 0, 0])
  })
})
