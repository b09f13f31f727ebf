import type { LonLat } from '../analysis/route-order.ts'
import type { ReachSpeeds } from '../response/speeds.ts'
import { orderRoute } from '../analysis/route-order.ts'

export interface PatrolRoute {
  /** Indices into the given points, in visiting order; a loop does not repeat the start. */
  order: number[]
  closed: boolean
  /** Great-circle length (haversine on the mean Earth sphere) of the ordered route. */
  lengthMetres: number
  /** The nearest-neighbour route's length before 2-opt, for comparison. */
  nearestNeighbourMetres: number
  walk: { kmh: number, minutes: number }
  vehicle: { kmh: number, minutes: number }
  /** The route as a GeoJSON LineString feature (back to the start for a loop). */
  line: { type: 'Feature', geometry: { type: 'LineString', coordinates: number[][] }, properties: { lengthMetres: number } }
  method: { construction: 'nearest neighbour', improvement: '2-opt', passes: number, distance: string }
}

const round1 = (x: number) => Math.round(x * 10) / 10

/**
 * The order to visit the points (nearest neighbour from `start`, then 2-opt; analysis/route-order.ts),
 * its length and the time it takes on foot and by vehicle at the configured speeds.
 */
export function patrolRoute(points: ReadonlyArray<LonLat>, speeds: ReachSpeeds, opts: { start?: number, closed?: boolean } = {}): PatrolRoute {
  const closed = opts.closed ?? false
  const r = orderRoute(points, { start: opts.start ?? 0, closed, speedKmh: speeds.walkKmh })
  const coordinates = r.order.map(i => [points[i]!.lon, points[i]!.lat])
  if (closed && coordinates.length > 1)
    coordinates.push(coordinates[0]!)
  const minutesAt = (kmh: number) => round1(r.lengthMetres / (kmh * 1000 / 60))
  return {
    order: r.order,
    closed,
    lengthMetres: round1(r.lengthMetres),
    nearestNeighbourMetres: round1(r.nearestNeighbourMetres),
    walk: { kmh: speeds.walkKmh, minutes: minutesAt(speeds.walkKmh) },
    vehicle: { kmh: speeds.vehicleKmh, minutes: minutesAt(speeds.vehicleKmh) },
    line: { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { lengthMetres: round1(r.lengthMetres) } },
    method: {
      construction: 'nearest neighbour',
      improvement: '2-opt',
      passes: r.method.passes,
      distance: 'great-circle (haversine, mean Earth radius 6,371,008.8 m); straight lines between points, not along roads',
    },
  }
}
