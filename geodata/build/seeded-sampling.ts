import type { MultiPolygon, Position } from 'geojson'
import * as turf from '@turf/turf'
import seedrandom from 'seedrandom'

export type Random = () => number

/** One fixed seed for the whole dataset; the county code is mixed in so counties are independent. */
export const DATASET_SEED = 'riskmap-geodata-v1'

export function seededRandom(purpose: string): Random {
  return seedrandom(`${DATASET_SEED}:${purpose}`)
}

/**
 * Uniform points inside the shape by rejection from its bbox. At county scale a degree box is
 * close enough to equal-area that uniform-in-degrees means each sample stands for the same area.
 */
export function samplePointsInside(shape: MultiPolygon, count: number, random: Random): Position[] {
  const [minX, minY, maxX, maxY] = turf.bbox(shape)
  const feature = turf.feature(shape)
  const points: Position[] = []
  let attempts = 0
  while (points.length < count) {
    if (++attempts > count * 1000)
      throw new Error('sampling gave up: the shape is almost empty')
    const candidate: Position = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)]
    if (turf.booleanPointInPolygon(candidate, feature))
      points.push(candidate)
  }
  return points
}
