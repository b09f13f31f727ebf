import type { IndexLeaf } from '@riskmap/server/analysis/risk-index-config.ts'
import { classLeaves, DEFAULT_RISK_INDEX_CONFIG, gradeOf, riskIndexConfigSchema, subclassLeaves } from '@riskmap/server/analysis/risk-index-config.ts'
import { computeRiskIndex } from '@riskmap/server/analysis/risk-index.ts'
import { describe, expect, it } from 'vitest'

// Four leaves, one per stage, so every number below can be worked by hand.
const leaves: IndexLeaf[] = [
  { code: 'e1', stage: 'emerging', reversed: false },
  { code: 's1', stage: 'escalation', reversed: false },
  { code: 'i1', stage: 'intensification', reversed: false },
  { code: 'r1', stage: 'resolution', reversed: true },
]
const regions = [
  { code: 'X', values: { e1: 10, s1: 4, i1: 1, r1: 50 } },
  { code: 'Y', values: { e1: 20, s1: 0, i1: 3, r1: 0 } },
  { code: 'Z', values: { e1: 30, s1: 2, i1: 5, r1: 100 } },
]

describe('risk index: hand fixture', () => {
  it('min–max with default weights 1/2/3 and resolution 1', () => {
    // n: e1 0, .5, 1; s1 1, 0, .5; i1 0, .5, 1; r1 .5, 0, 1 → reversed .5, 1, 0.
    // X = (0 + 2·1 + 3·0 + .5)/7 = 2.5/7; Y = (.5 + 0 + 1.5 + 1)/7 = 3/7; Z = (1 + 1 + 3 + 0)/7 = 5/7.
    const { results, card } = computeRiskIndex(regions, {}, { leaves })
    expect(results.map(r => r.index)).toEqual([expect.closeTo(250 / 7, 10), expect.closeTo(300 / 7, 10), expect.closeTo(500 / 7, 10)])
    expect(results.map(r => r.grade)).toEqual(['yellow', 'yellow', 'orange'])
    expect(results[0]!.stageScores).toEqual({ emerging: 0, escalation: 1, intensification: 0, resolution: 0.5 })
    expect(results[1]!.leaves.r1).toEqual({ value: 0, normalised: 0, score: 1 })
    expect(card.normalisation).toMatchObject({ method: 'minmax', reference: 'the regions scored', referenceSize: 3 })
    expect(card.normalisation.bounds).toMatchObject({ e1: { min: 10, max: 30 }, r1: { min: 0, max: 100 } })
  })

  it('percentile normalisation uses mid-ranks', () => {
    // e1: 1/6, 1/2, 5/6; s1: 5/6, 1/6, 1/2; i1: 1/6, 1/2, 5/6; r1 reversed: 1/2, 5/6, 1/6.
    // X = (1/6 + 10/6 + 3/6 + 3/6)/7 = 17/42; Y = 19/42; Z = 27/42.
    const { results, card } = computeRiskIndex(regions, { normalisation: 'percentile' }, { leaves })
    expect(results.map(r => r.index)).toEqual([expect.closeTo(1700 / 42, 10), expect.closeTo(1900 / 42, 10), expect.closeTo(2700 / 42, 10)])
    expect(card.normalisation.bounds).toBeUndefined()
  })

  it('scores a new region against a fixed reference, clamping outside it', () => {
    // V: e1 40 → 1 (clamped), s1 2 → .5, i1 3 → .5, r1 25 → .25 → .75: (1 + 1 + 1.5 + .75)/7.
    const { results, card } = computeRiskIndex(
      [{ code: 'V', values: { e1: 40, s1: 2, i1: 3, r1: 25 } }],
      {},
      { leaves, reference: { label: '2025 townships', rows: regions.map(r => r.values) } },
    )
    expect(results[0]!.index).toBeCloseTo(425 / 7, 10)
    expect(card.normalisation).toMatchObject({ reference: '2025 townships', referenceSize: 3 })
  })

  it('leaves out a missing leaf and renormalises the stage weights', () => {
    // W: e1 .5, s1 .5, i1 missing, r1 100 → 0: (1·.5 + 2·.5 + 1·0)/(1 + 2 + 1) = 37.5.
    const { results } = computeRiskIndex(
      [{ code: 'W', values: { e1: 20, s1: 2, i1: null, r1: 100 } }],
      {},
      { leaves, reference: { label: 'ref', rows: regions.map(r => r.values) } },
    )
    expect(results[0]).toMatchObject({ index: 37.5, grade: 'yellow', missing: ['i1'] })
    expect(results[0]!.stageScores.intensification).toBeNull()
  })

  it('gives no index without any value', () => {
    const { results } = computeRiskIndex([{ code: 'empty', values: {} }], {}, { leaves, reference: { label: 'ref', rows: regions.map(r => r.values) } })
    expect(results[0]).toMatchObject({ index: null, grade: null })
  })

  it('leaves out a leaf constant across the reference, reversed or not, as if it had no weight', () => {
    const flatLeaves = leaves.map(l => l.code === 'e1' ? { ...l, reversed: true } : l)
    const flat = regions.map(r => ({ ...r, values: { ...r.values, e1: 7 } }))
    const { results, card } = computeRiskIndex(flat, {}, { leaves: flatLeaves })
    expect(results.map(r => r.leaves.e1!.normalised)).toEqual([null, null, null])
    expect(card.normalisation.constantLeaves).toEqual(['e1'])
    expect(results.every(r => !r.missing.includes('e1'))).toBe(true)
    const without = computeRiskIndex(flat, {}, { leaves: flatLeaves.filter(l => l.code !== 'e1') }).results
    expect(results.map(r => r.index)).toEqual(without.map(r => r.index))
  })
})

describe('risk index: configuration', () => {
  it('defaults are stated', () => {
    expect(DEFAULT_RISK_INDEX_CONFIG).toEqual({
      leafLevel: 'class',
      normalisation: 'minmax',
      stageWeights: { emerging: 1, escalation: 2, intensification: 3, resolution: 1 },
      leafWeights: {},
      thresholds: [25, 50, 75],
    })
  })

  it('rejects weights that do not rise with the stage, bad thresholds and unknown leaves', () => {
    const bad = [
      { stageWeights: { emerging: 2, escalation: 2, intensification: 3, resolution: 1 } },
      { stageWeights: { emerging: 1, escalation: 3, intensification: 2, resolution: 1 } },
      { stageWeights: { emerging: 0, escalation: 2, intensification: 3, resolution: 1 } },
      { stageWeights: { emerging: 1, escalation: 2, intensification: 3, resolution: -1 } },
      { thresholds: [50, 25, 75] },
      { thresholds: [0, 25, 75] },
      { thresholds: [25, 50, 100] },
      { leafWeights: { 'A1': 1, 'x\'; drop table': 2 } },
      { leafWeights: { A1: -1 } },
      { leafWeights: { A1: Number.NaN } },
      { normalisation: 'zscore' },
      { leafLevel: 'category' },
    ]
    for (const config of bad)
      expect(riskIndexConfigSchema.safeParse(config).success, JSON.stringify(config)).toBe(false)
    expect(() => computeRiskIndex(regions, { thresholds: [50, 25, 75] })).toThrow()
    expect(riskIndexConfigSchema.safeParse({ leafWeights: { 'A1': 2, 'D1-10': 0 }, stageWeights: { emerging: 1, escalation: 1.5, intensification: 4, resolution: 0 } }).success).toBe(true)
  })

  it('grades at fixed, inclusive lower bounds', () => {
    const t = [25, 50, 75] as [number, number, number]
    expect([0, 24.999, 25, 49.9, 50, 74.9, 75, 100].map(x => gradeOf(x, t))).toEqual(['blue', 'blue', 'yellow', 'yellow', 'orange', 'orange', 'red', 'red'])
  })

  it('catalog leaves: 10 classes with resolution reversed; 101 sub-classes reversed where a rise is good', () => {
    const classes = classLeaves()
    expect(classes).toHaveLength(10)
    expect(classes.filter(l => l.reversed).map(l => l.code)).toEqual(['D1', 'D2', 'D3', 'D4'])
    const subs = subclassLeaves()
    expect(subs).toHaveLength(101)
    expect(subs.filter(l => l.reversed).map(l => l.code)).toEqual(['D1-10', 'D1-12', 'D2-10', 'D2-11', 'D2-12', 'D3-06', 'D3-07', 'D4-06', 'D4-07'])
  })

  it('the method card carries weights, normalisation, reference, thresholds and notes', () => {
    const { card } = computeRiskIndex(regions, { leafWeights: { A1: 2 } }, { leaves })
    expect(card).toMatchObject({ combination: 'arithmetic', scale: [0, 100], thresholds: [25, 50, 75], leafUnit: 'per 10,000 residents' })
    expect(card.grades.map(g => [g.grade, g.from, g.to])).toEqual([['blue', 0, 25], ['yellow', 25, 50], ['orange', 50, 75], ['red', 75, 100]])
    expect(card.stageWeights).toEqual({ emerging: 1, escalation: 2, intensification: 3, resolution: 1 })
    expect(card.notes.length).toBeGreaterThan(3)
  })
})

describe('risk index: class leaves against an independent computation', () => {
  let seed = 99
  const next = () => {
    seed = (seed * 16_807) % 2_147_483_647
    return seed / 2_147_483_647
  }
  const codes = classLeaves().map(l => l.code)
  const towns = Array.from({ length: 40 }, (_, i) => ({
    code: `t${i}`,
    values: Object.fromEntries(codes.map(c => [c, Math.round(next() * 500) / 10])),
  }))
  const config = {
    stageWeights: { emerging: 1, escalation: 2.5, intensification: 4, resolution: 1.5 },
    leafWeights: { A1: 2, C2: 3, D3: 0.5 },
  }

  it('equals a flat weighted sum of min–max scores', () => {
    // Every leaf gets the flat weight W_stage · v / Σv (within its stage) / ΣW.
    const stageOf: Record<string, 'emerging' | 'escalation' | 'intensification' | 'resolution'> = { A: 'emerging', B: 'escalation', C: 'intensification', D: 'resolution' }
    const v = (c: string) => (config.leafWeights as Record<string, number>)[c] ?? 1
    const totalW = 1 + 2.5 + 4 + 1.5
    const expected = towns.map((t) => {
      let sum = 0
      for (const c of codes) {
        const col = towns.map(x => x.values[c]!)
        const lo = Math.min(...col)
        const hi = Math.max(...col)
        const n = (t.values[c]! - lo) / (hi - lo)
        const s = c.startsWith('D') ? 1 - n : n
        const stage = stageOf[c[0]!]!
        const inStage = codes.filter(k => k[0] === c[0]).reduce((a, k) => a + v(k), 0)
        sum += (config.stageWeights[stage] * v(c) / inStage / totalW) * s
      }
      return 100 * sum
    })
    const { results } = computeRiskIndex(towns, config)
    results.forEach((r, i) => expect(r.index!).toBeCloseTo(expected[i]!, 10))
    expect(results.every(r => r.index! >= 0 && r.index! <= 100)).toBe(true)
  })

  it('is monotone: a rise in a risk leaf never lowers the index, a rise in resolution never raises it', () => {
    const reference = { label: 'fixed', rows: towns.map(t => t.values) }
    for (const town of towns.slice(0, 10)) {
      const base = computeRiskIndex([town], config, { reference }).results[0]!.index!
      for (const c of codes) {
        const up = { code: town.code, values: { ...town.values, [c]: town.values[c]! + 5 } }
        const after = computeRiskIndex([up], config, { reference }).results[0]!.index!
        if (c.startsWith('D'))
          expect(after).toBeLessThanOrEqual(base + 1e-12)
        else
          expect(after).toBeGreaterThanOrEqual(base - 1e-12)
      }
    }
  })

  it('the same normalised rise counts more in a later stage', () => {
    // One leaf per stage, equal leaf weights: a rise of 0.1 in n moves the index by 10·W/ΣW.
    const mid = { code: 'm', values: { e1: 20, s1: 2, i1: 3, r1: 50 } }
    const reference = { label: 'ref', rows: regions.map(r => r.values) }
    const base = computeRiskIndex([mid], {}, { leaves, reference }).results[0]!.index!
    const bump = (code: string, by: number) => computeRiskIndex([{ code: 'm', values: { ...mid.values, [code]: (mid.values as Record<string, number>)[code]! + by } }], {}, { leaves, reference }).results[0]!.index! - base
    const e = bump('e1', 2) // range 20 → +0.1
    const s = bump('s1', 0.4) // range 4 → +0.1
    const i = bump('i1', 0.4) // range 4 → +0.1
    expect(e).toBeCloseTo(10 / 7, 10)
    expect(s).toBeCloseTo(20 / 7, 10)
    expect(i).toBeCloseTo(30 / 7, 10)
    expect(bump('r1', 10)).toBeCloseTo(-10 / 7, 10)
  })
})
