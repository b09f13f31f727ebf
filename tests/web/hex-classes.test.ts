import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { HEX_RAMP, hexClasses, hexFillColor } from '../../web/src/logic/hex-classes.ts'

function colorFor(expression: unknown, count: number): string {
  const parsed = createPropertyExpression(expression, 'layers.hexbins-fill.paint.fill-color', latest.paint_fill['fill-color'] as never)
  if (parsed.result !== 'success')
    throw new Error(JSON.stringify(parsed.value))
  const c = parsed.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties: { count } } as never) as { r: number, g: number, b: number }
  return `#${[c.r, c.g, c.b].map(x => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`
}

describe('hexClasses', () => {
  it('splits distinct counts into whole-number classes that cover them without gaps', () => {
    // 11 distinct counts in 5 classes: the upper edges are the 3rd, 5th, 7th, 9th and 11th.
    const classes = hexClasses([1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 9, 12, 20, 45])
    expect(classes.map(c => [c.from, c.to])).toEqual([[1, 3], [4, 5], [6, 8], [9, 12], [13, 45]])
    for (let i = 1; i < classes.length; i++)
      expect(classes[i]!.from).toBe(classes[i - 1]!.to + 1)
  })
  it('uses the ramp from dark to bright, keeping both ends', () => {
    const colors = hexClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).map(c => c.color)
    expect(colors[0]).toBe(HEX_RAMP[0])
    expect(colors.at(-1)).toBe(HEX_RAMP.at(-1))
    expect(new Set(colors).size).toBe(colors.length)
  })
  it('gives fewer classes when there are fewer distinct counts', () => {
    expect(hexClasses([3, 3, 7]).map(c => [c.from, c.to])).toEqual([[3, 3], [4, 7]])
    expect(hexClasses([5, 5, 5])).toEqual([{ from: 5, to: 5, color: HEX_RAMP.at(-1) }])
  })
  it('ignores zeros, negatives and non-numbers, and is empty for no cells', () => {
    expect(hexClasses([])).toEqual([])
    expect(hexClasses([0, -2, Number.NaN, Number.POSITIVE_INFINITY])).toEqual([])
    expect(hexClasses([0, 4, Number.NaN]).map(c => [c.from, c.to])).toEqual([[4, 4]])
  })
  it('respects k', () => {
    expect(hexClasses(Array.from({ length: 50 }, (_, i) => i + 1), 3)).toHaveLength(3)
  })
})

describe('hexFillColor', () => {
  it('colours each count with its class colour', () => {
    const classes = hexClasses([1, 2, 3, 4, 5, 6, 8, 9, 12, 20, 45])
    const expression = hexFillColor(classes)
    for (const c of classes) {
      expect(colorFor(expression, c.from)).toBe(c.color)
      expect(colorFor(expression, c.to)).toBe(c.color)
    }
  })
  it('is a flat colour for zero or one class', () => {
    expect(hexFillColor([])).toBe(HEX_RAMP[0])
    expect(hexFillColor([{ from: 2, to: 2, color: '#123456' }])).toBe('#123456')
  })
})
