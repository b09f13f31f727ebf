import type { Point } from '@riskmap/server/analysis/neighbours.ts'
import { readFileSync } from 'node:fs'
import { bhAdjust, bhThreshold } from '@riskmap/server/analysis/fdr.ts'
import { confidenceBins, giStar } from '@riskmap/server/analysis/gistar.ts'
import { distanceBandNeighbours, minDistanceForOneNeighbour, roundBandUp } from '@riskmap/server/analysis/neighbours.ts'
import { erfc, twoSidedNormalP } from '@riskmap/server/analysis/normal.ts'
import { describe, expect, it } from 'vitest'
import { poisson, seededRandom } from '../fixtures/seeded-random.ts'

const METRIC = 'Euclidean, projected metres'

function run(points: Point[], values: number[], band: number, correction: 'none' | 'fdr' = 'none') {
  return giStar(values, distanceBandNeighbours(points, band), { distanceBand: band, distanceMetric: METRIC, correction })
}

/** Straight from the formula, O(n²), sharing no code with the module: the METHODS.md form of S. */
function bruteGiStar(points: Point[], x: number[], band: number): number[] {
  const n = x.length
  const mean = x.reduce((a, b) => a + b, 0) / n
  const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean)
  return points.map((pi) => {
    let sumWx = 0
    let sumW = 0
    let sumW2 = 0
    points.forEach((pj, j) => {
      const w = Math.sqrt((pi[0] - pj[0]) ** 2 + (pi[1] - pj[1]) ** 2) <= band ? 1 : 0
      sumWx += w * x[j]!
      sumW += w
      sumW2 += w * w
    })
    return (sumWx - mean * sumW) / (s * Math.sqrt((n * sumW2 - sumW ** 2) / (n - 1)))
  })
}

function randomPoints(random: () => number, n: number, size: number): Point[] {
  return Array.from({ length: n }, () => [size * random(), size * random()] as const)
}

describe('gi* by hand', () => {
  it('a 1-D row of five cells, band 1', () => {
    // x = 0 0 0 3 6: n = 5, x̄ = 9/5 = 1.8, Σx² = 45, S² = 45/5 − 1.8² = 5.76, S = 2.4.
    // End cells have W = 2 (self + one), inner cells W = 3; both give (5W − W²)/4 = 6/4 = 1.5.
    //   cell 4: (6 + 3 − 1.8·2) / (2.4√1.5) = 5.4/(2.4√1.5) = 1.5√1.5
    //   cell 3: (0 + 3 + 6 − 1.8·3) / (2.4√1.5) = 3.6/(2.4√1.5) = √1.5
    //   cell 2: (0 + 0 + 3 − 5.4) / (2.4√1.5) = −1/√1.5
    //   cell 1: (0 − 5.4) / (2.4√1.5) = −1.5√1.5;   cell 0: (0 − 3.6) / (2.4√1.5) = −√1.5
    const points: Point[] = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]]
    const { z, p, bin, method } = run(points, [0, 0, 0, 3, 6], 1)
    const r = Math.sqrt(1.5)
    const expected = [-r, -1.5 * r, -1 / r, r, 1.5 * r]
    expected.forEach((e, i) => expect(z[i]).toBeCloseTo(e, 14))
    // 1.5√1.5 = 1.837: p = 0.066, significant at 90% only.
    expect(p[4]).toBeCloseTo(0.06619, 5)
    expect([...bin]).toEqual([0, -1, 0, 0, 1])
    expect(method.warnings).toContain('fewer than 30 cells: results are unreliable')
    expect(method).toMatchObject({ statistic: 'Getis-Ord Gi*', weights: 'binary', selfIncluded: true, n: 5, distanceBand: 1, alpha: [0.10, 0.05, 0.01], correction: 'none' })
    expect(method.neighbours).toEqual({ min: 1, mean: 8 / 5, max: 2 })
  })

  it('a 3×3 lattice with one busy centre, band 1 (rook neighbours)', () => {
    // x = 9 at the centre, 0 elsewhere: n = 9, x̄ = 1, Σx² = 81, S² = 81/9 − 1 = 8, S = 2√2.
    //   centre: W = 5, (9 − 5)/(2√2·√((45 − 25)/8)) = 4/(2√2·√2.5) = 4/(2√5) = 2/√5
    //   edge:   W = 4, (9 − 4)/(2√2·√((36 − 16)/8)) = 5/(2√5) = √5/2
    //   corner: W = 3, (0 − 3)/(2√2·√((27 − 9)/8)) = −3/(2√2·1.5) = −1/√2
    const points: Point[] = []
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 3; x++)
        points.push([x, y])
    }
    const { z } = run(points, [0, 0, 0, 0, 9, 0, 0, 0, 0], 1)
    const corner = -1 / Math.SQRT2
    const edge = Math.sqrt(5) / 2
    expect([...z].map(v => Number(v.toFixed(12)))).toEqual(
      [corner, edge, corner, edge, 2 / Math.sqrt(5), edge, corner, edge, corner].map(v => Number(v.toFixed(12))),
    )
  })

  it('equal values everywhere give z = 0, p = 1 and a warning', () => {
    const points = Array.from({ length: 40 }, (_, i) => [i * 10, 0] as const)
    const { z, p, bin, method } = run(points, Array.from({ length: 40 }, () => 3), 10)
    expect([...z].every(v => v === 0)).toBe(true)
    expect([...p].every(v => v === 1)).toBe(true)
    expect([...bin].every(v => v === 0)).toBe(true)
    expect(method.warnings.some(w => w.includes('same value'))).toBe(true)
    expect(method.warnings.some(w => w.includes('fewer than 30'))).toBe(false)
  })

  it('a band that covers every cell gives z = 0 rather than NaN', () => {
    const points = Array.from({ length: 30 }, (_, i) => [i, 0] as const)
    const { z, method } = run(points, points.map((_, i) => i % 4), 1000)
    expect([...z].every(v => v === 0)).toBe(true)
    expect(method.warnings.some(w => w.includes('every cell within the distance band'))).toBe(true)
  })
})

describe('gi* against independent implementations', () => {
  it('matches an O(n²) reference on seeded random data to 1e-10', () => {
    const random = seededRandom(42)
    for (const [n, band] of [[60, 180], [300, 90], [1000, 50]] as const) {
      const points = randomPoints(random, n, 1000)
      const values = points.map(() => (random() < 0.3 ? 0 : poisson(random, 3)))
      const { z } = run(points, values, band)
      const reference = bruteGiStar(points, values, band)
      reference.forEach((r, i) => expect(Math.abs(z[i]! - r)).toBeLessThan(1e-10))
    }
  })

  it('matches a NumPy port of spdep::localG (tests/fixtures/gistar-reference.py) to 1e-10', () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/gistar-reference.json', import.meta.url), 'utf8')) as {
      points: Point[]
      values: number[]
      cases: Array<{ band: number, z: number[] }>
    }
    for (const { band, z: expected } of fixture.cases) {
      const { z } = run(fixture.points, fixture.values, band)
      expected.forEach((e, i) => expect(Math.abs(z[i]! - e)).toBeLessThan(1e-10))
    }
  })

  it('flags a planted cluster as 99% hot', () => {
    const random = seededRandom(7)
    const points: Point[] = []
    const values: number[] = []
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 20; x++) {
        points.push([x * 500, y * 500])
        const planted = x >= 8 && x <= 10 && y >= 8 && y <= 10
        values.push(poisson(random, planted ? 15 : 2))
      }
    }
    const band = roundBandUp(minDistanceForOneNeighbour(points))
    expect(band).toBe(500)
    const { bin } = run(points, values, band, 'fdr')
    expect(bin[9 * 20 + 9]).toBe(3)
  })
})

describe('neighbours', () => {
  it('the grid index finds exactly the brute-force neighbours', () => {
    const random = seededRandom(3)
    // Clustered points plus far outliers exercise empty buckets and the exact fallback.
    const points: Point[] = [...randomPoints(random, 400, 100), ...randomPoints(random, 400, 10_000), [1e6, 1e6], [-5e5, 2e5]]
    for (const band of [0, 3, 40, 700]) {
      const lists = distanceBandNeighbours(points, band)
      points.forEach((p, i) => {
        const expected = points.flatMap((q, j) => (j !== i && Math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2) <= band ? [j] : []))
        expect([...lists[i]!]).toEqual(expected)
      })
    }
    let nearestMax = 0
    points.forEach((p, i) => {
      const nearest = Math.min(...points.flatMap((q, j) => (j === i ? [] : [Math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)])))
      nearestMax = Math.max(nearestMax, nearest)
    })
    expect(minDistanceForOneNeighbour(points)).toBe(nearestMax)
    expect(distanceBandNeighbours(points, nearestMax).every(list => list.length > 0)).toBe(true)
  })

  it('handles tiny and degenerate inputs', () => {
    expect(minDistanceForOneNeighbour([])).toBe(0)
    expect(minDistanceForOneNeighbour([[1, 1]])).toBe(0)
    expect(minDistanceForOneNeighbour([[1, 1], [1, 1]])).toBe(0)
    expect([...distanceBandNeighbours([[1, 1], [1, 1], [4, 5]], 0)[0]!]).toEqual([1])
    expect(roundBandUp(500.00000000000006)).toBe(500)
    expect(roundBandUp(866.0254037844386)).toBe(866.026)
  })

  it('25k cells run without quadratic blow-up', () => {
    const random = seededRandom(11)
    const points: Point[] = []
    for (let y = 0; y < 158; y++) {
      for (let x = 0; x < 158; x++)
        points.push([x * 250 + random() * 20, y * 250 + random() * 20])
    }
    const values = points.map(() => poisson(random, 1.5))
    const started = performance.now()
    const band = roundBandUp(minDistanceForOneNeighbour(points))
    const { z, bin } = run(points, values, band, 'fdr')
    const elapsed = performance.now() - started
    expect(z.length).toBe(24_964)
    expect(bin.length).toBe(24_964)
    console.info(`gi* on ${points.length} cells, band ${band} m: ${elapsed.toFixed(0)} ms`)
  })
})

describe('normal tail', () => {
  it('gives the textbook two-sided p at the exact critical values to 1e-12', () => {
    // R: qnorm(1 − α/2) for α = 0.10, 0.05, 0.01, 0.001.
    const critical: Array<[number, number]> = [[1.6448536269514722, 0.1], [1.959963984540054, 0.05], [2.5758293035489004, 0.01], [3.2905267314918945, 0.001]]
    for (const [z, alpha] of critical)
      expect(Math.abs(twoSidedNormalP(z) / alpha - 1)).toBeLessThan(1e-12)
  })

  it('matches 30-digit mpmath values at the rounded cut-offs and in the tail', () => {
    // mpmath.erfc(z/√2) at 30 digits, rounded to the nearest double. The rounded z are not the
    // exact quantiles (1.645 gives 0.09997, not 0.1), so each is checked against its own tail.
    const tails: Array<[number, number]> = [
      [0.5, 0.6170750774519738],
      [1, 0.3173105078629141],
      [1.645, 0.09996981107824274],
      [1.96, 0.04999579029644087],
      [2.576, 0.009995064631470037],
      [3.29, 0.0010018738275714444],
      [4, 6.334248366623985e-05],
      [6, 1.973175290075396e-09],
      [8, 1.2441921148543568e-15],
    ]
    for (const [z, p] of tails) {
      expect(Math.abs(twoSidedNormalP(z) / p - 1)).toBeLessThan(1e-12)
      expect(twoSidedNormalP(-z)).toBe(twoSidedNormalP(z))
    }
    expect(twoSidedNormalP(0)).toBe(1)
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 15)
  })
})

describe('benjamini–hochberg', () => {
  // m = 10, sorted: .0005 .008 .039 .041 .042 .061 .074 .205 .212 .216
  // p·m/k: .005 .04 .13 .1025 .084 .10167 .10571 .25625 .23556 .216
  // running minimum from the top (R's p.adjust "BH"):
  //        .005 .04 .084 .084 .084 .10167 .10571 .216 .216 .216
  const p = [0.042, 0.216, 0.0005, 0.074, 0.039, 0.205, 0.008, 0.061, 0.212, 0.041]
  const adjusted = [0.084, 0.216, 0.005, 0.74 / 7, 0.084, 0.216, 0.04, 0.61 / 6, 0.216, 0.084]

  it('adjusts like p.adjust(p, "BH")', () => {
    const result = bhAdjust(p)
    adjusted.forEach((a, i) => expect(result[i]).toBeCloseTo(a, 15))
    expect([...bhAdjust([0.9, 0.95, 0.99])]).toEqual([0.99, 0.99, 0.99])
    expect(bhAdjust([0.5, Number.NaN])[0]).toBe(0.5)
  })

  it('finds the largest p_(k) ≤ k/m·α', () => {
    // α = .10: k/m·α = .01k; .042 ≤ .05 at k = 5 is the last pass.
    // α = .05: .005k; only .0005 ≤ .005 and .008 ≤ .010 pass.  α = .01: .001k; only .0005.
    expect(bhThreshold(p, 0.10)).toBe(0.042)
    expect(bhThreshold(p, 0.05)).toBe(0.008)
    expect(bhThreshold(p, 0.01)).toBe(0.0005)
    expect(bhThreshold([0.5, 0.6], 0.05)).toBe(0)
  })

  it('bins by the BH threshold at each confidence level, with the sign of z', () => {
    const z = p.map((_, i) => (i % 2 ? -3 : 3))
    expect([...confidenceBins(z, p, 'fdr')]).toEqual([1, 0, 3, 0, 1, 0, 2, 0, 0, -1])
    expect([...confidenceBins(z, p, 'none')]).toEqual([2, 0, 3, -1, 2, 0, 3, -1, 0, -2])
  })
})
