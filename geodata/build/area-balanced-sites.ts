import type { Position } from 'geojson'
import type { Random } from './seeded-sampling.ts'

const LLOYD_ITERATIONS = 40

function squaredDistance(a: Position, b: Position): number {
  const dx = a[0]! - b[0]!
  const dy = a[1]! - b[1]!
  return dx * dx + dy * dy
}

function nearestIndex(point: Position, centres: Position[]): number {
  let best = 0
  let bestDistance = Infinity
  centres.forEach((centre, i) => {
    const d = squaredDistance(point, centre)
    if (d < bestDistance) {
      bestDistance = d
      best = i
    }
  })
  return best
}

/** k-means++ seeding, so the starting sites are spread out rather than clumped. */
function spreadOutStart(samples: Position[], count: number, random: Random): Position[] {
  const centres: Position[] = [samples[Math.floor(random() * samples.length)]!]
  while (centres.length < count) {
    const weights = samples.map(p => squaredDistance(p, centres[nearestIndex(p, centres)]!))
    let target = random() * weights.reduce((sum, w) => sum + w, 0)
    let chosen = samples.length - 1
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i]!
      if (target <= 0) {
        chosen = i
        break
      }
    }
    centres.push(samples[chosen]!)
  }
  return centres
}

/**
 * Lloyd's k-means over area-uniform samples (in a metric-scaled plane): each site ends up at the
 * centre of mass of the area nearest to it, so the Voronoi cells come out compact and of similar size.
 */
export function areaBalancedSites(samples: Position[], count: number, random: Random): Position[] {
  let centres = spreadOutStart(samples, count, random)
  for (let iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
    const sums = centres.map(() => ({ x: 0, y: 0, n: 0 }))
    for (const point of samples) {
      const sum = sums[nearestIndex(point, centres)]!
      sum.x += point[0]!
      sum.y += point[1]!
      sum.n++
    }
    centres = centres.map((centre, i) => {
      const sum = sums[i]!
      return sum.n === 0 ? centre : [sum.x / sum.n, sum.y / sum.n]
    })
  }
  return centres
}
