import { describe, expect, it } from 'vitest'
import { coverageClasses, coverageClassOf } from '../../web/src/logic/coverage-classes.ts'

// The map's paint of these classes is checked against MapLibre's own evaluator in units-layers.test.ts.
describe('coverage colour classes', () => {
  it('cuts 0–100 % into fifths, lowest (the finding) first', () => {
    expect(coverageClasses().map(c => [c.from, c.to])).toEqual([[0, 0.2], [0.2, 0.4], [0.4, 0.6], [0.6, 0.8], [0.8, 1]])
  })

  it.each([
    [0, 0],
    [0.1999, 0],
    [0.2, 1],
    [0.5, 2],
    [0.6, 3],
    [0.7999, 3],
    [0.8, 4],
    [1, 4],
  ])('a share of %s is class %s', (share, k) => {
    expect(coverageClassOf(share)).toBe(k)
  })

  it('gives a region without events no class, not 0 %', () => {
    expect(coverageClassOf(null)).toBeNull()
    expect(coverageClassOf(undefined)).toBeNull()
    expect(coverageClassOf(Number.NaN)).toBeNull()
  })
})
