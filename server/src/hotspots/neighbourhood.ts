import type { HexCell } from '../analysis/hex-grid.ts'
import { distanceBandNeighbours, minDistanceForOneNeighbour, roundBandUp } from '../analysis/neighbours.ts'
import { fail } from '../http/errors.ts'

/** Neighbour pairs beyond which a band is refused: memory and time grow with n·k. */
const MAX_PAIRS = 20_000_000

export interface Neighbourhood {
  band: number
  /** true when the band is the default (smallest giving every cell a neighbour). */
  defaulted: boolean
  neighbours: Int32Array[]
}

/**
 * Fixed distance-band neighbours of the cell centres. Without a distance, the band is the
 * smallest that gives every cell at least one neighbour, rounded up to the millimetre.
 */
export function hexNeighbourhood(cells: HexCell[], size: number, distance?: number): Neighbourhood {
  const points = cells.map(c => [c.x, c.y] as const)
  const band = distance ?? roundBandUp(minDistanceForOneNeighbour(points))
  const hexArea = 1.5 * Math.sqrt(3) * size * size
  const perCell = Math.min(cells.length, Math.PI * band * band / hexArea)
  if (cells.length * perCell > MAX_PAIRS)
    fail(400, 'distance_too_large', `a distance of ${band} m gives about ${Math.round(perCell)} neighbours for each of ${cells.length} cells; choose a smaller distance, a larger size or a smaller region`)
  return { band, defaulted: distance === undefined, neighbours: distanceBandNeighbours(points, band) }
}
