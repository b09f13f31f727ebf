import { describe, expect, it } from 'vitest'
import { classColors, cleanBreaks, DIVERGING, fillColorExpression, NO_DATA_COLOR, sampleRamp, SEQUENTIAL } from '../../web/src/logic/color-ramp.ts'

describe('cleanBreaks', () => {
  it('sorts, drops duplicates and non-finite edges', () => {
    expect(cleanBreaks([5, 1, 1, Number.NaN, 3, Infinity, 5])).toEqual([1, 3, 5])
  })
})

describe('sampleRamp', () => {
  it('keeps both ends of the ramp', () => {
    const colors = sampleRamp(SEQUENTIAL, 3)
    expect(colors).toEqual([SEQUENTIAL[0], SEQUENTIAL[4], SEQUENTIAL[8]])
  })
  it('handles 0 and 1', () => {
    expect(sampleRamp(SEQUENTIAL, 0)).toEqual([])
    expect(sampleRamp(SEQUENTIAL, 1)).toHaveLength(1)
  })
})

describe('classColors', () => {
  it('gives k classes for k+1 edges, light to dark', () => {
    const classes = classColors([0, 10, 20, 30, 40, 50])
    expect(classes).toHaveLength(5)
    expect(classes[0]).toMatchObject({ from: 0, to: 10 })
    expect(classes[4]).toMatchObject({ from: 40, to: 50, color: SEQUENTIAL[8] })
    expect(new Set(classes.map(c => c.color)).size).toBe(5)
  })
  it('collapses classes when quantile edges repeat', () => {
    expect(classColors([0, 0, 0, 4, 8])).toHaveLength(2)
  })
  it('centres the diverging ramp on zero', () => {
    const classes = classColors([-30, -10, 0, 10, 40], true)
    const reds = DIVERGING.slice(5)
    const blues = DIVERGING.slice(0, 4)
    expect(blues).toContain(classes[0]!.color)
    expect(blues).toContain(classes[1]!.color)
    expect(reds).toContain(classes[2]!.color)
    expect(reds).toContain(classes[3]!.color)
  })
  it('uses only reds when every change is a rise', () => {
    const classes = classColors([2, 4, 6], true)
    expect(classes.every(c => DIVERGING.indexOf(c.color) > 4)).toBe(true)
  })
  it('returns nothing for no edges', () => {
    expect(classColors([])).toEqual([])
  })
})

describe('fillColorExpression', () => {
  it('steps on the feature-state key at the inner edges, with a no-data fallback', () => {
    const expr = fillColorExpression([0, 10, 20, 30], 'metric') as unknown[]
    expect(expr[0]).toBe('case')
    expect(expr[1]).toEqual(['==', ['typeof', ['feature-state', 'metric']], 'number'])
    const step = expr[2] as unknown[]
    expect(step[0]).toBe('step')
    expect(step[1]).toEqual(['to-number', ['feature-state', 'metric']])
    // base colour, then (edge, colour) for each class after the first
    expect(step.slice(2).filter(x => typeof x === 'number')).toEqual([10, 20])
    expect(expr[3]).toBe(NO_DATA_COLOR)
  })
  it('is the no-data colour when there are no breaks', () => {
    expect(fillColorExpression([])).toBe(NO_DATA_COLOR)
  })
})
