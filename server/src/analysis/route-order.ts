// The order of a patrol route through chosen points: nearest neighbour from the start, then 2-opt
// (Croes 1958) until no reversal of a stretch of the route shortens it. 2-opt removes every
// crossing, but it is a local optimum: small routes usually come out optimal, not always.
// Each pass is O(n²) over pairs of edges; distances are taken once into an n × n matrix.

export interface LonLat { lon: number, lat: number }

export interface RouteOptions {
  /** Index of the point the route starts from; it stays first. Default 0. */
  start?: number
  /** Return to the start at the end (a loop). Default false: an open path that ends anywhere. */
  closed?: boolean
  /** Distance in metres between points i and j; must be symmetric. Default: haversine. */
  distance?: (i: number, j: number) => number
  /** Travel speed for the duration, in km/h. */
  speedKmh: number
}

export interface RouteResult {
  /** Point indices in visiting order, starting with `start`; a loop does not repeat it. */
  order: number[]
  lengthMetres: number
  durationMinutes: number
  /** The nearest-neighbour route's length, before 2-opt. */
  nearestNeighbourMetres: number
  method: { construction: 'nearest neighbour', improvement: '2-opt', closed: boolean, speedKmh: number, passes: number }
}

/** Mean Earth radius (IUGG), as most haversine implementations use. */
const EARTH_RADIUS_M = 6_371_008.8
/** A swap must save more than this (metres) to count, so rounding cannot make 2-opt cycle. */
const MIN_SAVING_M = 1e-7

/** Great-circle distance in metres. */
export function haversineMetres(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A patrol route through every point: nearest neighbour from `start`, improved by 2-opt. */
export function orderRoute(points: ReadonlyArray<LonLat>, options: RouteOptions): RouteResult {
  const n = points.length
  const start = options.start ?? 0
  const closed = options.closed ?? false
  if (!(options.speedKmh > 0) || !Number.isFinite(options.speedKmh))
    throw new RangeError(`speed must be a positive number of km/h, got ${options.speedKmh}`)
  if (n > 0 && (!Number.isInteger(start) || start < 0 || start >= n))
    throw new RangeError(`start ${start} is not one of the ${n} points`)
  points.forEach((p, i) => {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat) || Math.abs(p.lon) > 180 || Math.abs(p.lat) > 90)
      throw new RangeError(`point ${i} (${p.lon}, ${p.lat}) is not a longitude/latitude`)
  })
  const d = distanceMatrix(n, options.distance ?? ((i, j) => haversineMetres(points[i]!, points[j]!)))

  const order = nearestNeighbour(d, n, start)
  const nearestNeighbourMetres = routeLength(d, order, closed)
  const passes = twoOpt(d, order, closed)
  const lengthMetres = routeLength(d, order, closed)
  return {
    order,
    lengthMetres,
    durationMinutes: lengthMetres / (options.speedKmh * 1000 / 60),
    nearestNeighbourMetres,
    method: { construction: 'nearest neighbour', improvement: '2-opt', closed, speedKmh: options.speedKmh, passes },
  }
}

/** Route length in the matrix's units; a loop adds the leg back to the first point. */
export function routeLength(d: ReadonlyArray<Float64Array>, order: ReadonlyArray<number>, closed: boolean): number {
  let length = 0
  for (let i = 1; i < order.length; i++)
    length += d[order[i - 1]!]![order[i]!]!
  if (closed && order.length > 1)
    length += d[order[order.length - 1]!]![order[0]!]!
  return length
}

function distanceMatrix(n: number, distance: (i: number, j: number) => number): Float64Array[] {
  const d = Array.from({ length: n }, () => new Float64Array(n))
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dij = distance(i, j)
      if (!Number.isFinite(dij) || dij < 0)
        throw new RangeError(`distance between points ${i} and ${j} is ${dij}: it must be finite and ≥ 0`)
      d[i]![j] = dij
      d[j]![i] = dij
    }
  }
  return d
}

/** Always the nearest unvisited point; ties go to the lowest index. */
function nearestNeighbour(d: ReadonlyArray<Float64Array>, n: number, start: number): number[] {
  if (!n)
    return []
  const visited = new Uint8Array(n)
  const order = [start]
  visited[start] = 1
  for (let step = 1; step < n; step++) {
    const from = d[order[step - 1]!]!
    let next = -1
    for (let j = 0; j < n; j++) {
      if (!visited[j] && (next < 0 || from[j]! < from[next]!))
        next = j
    }
    visited[next] = 1
    order.push(next)
  }
  return order
}

/**
 * Reverses order[i..j] (1 ≤ i < j) whenever that shortens the route, scanning pairs in a fixed
 * order and taking the first saving found, until a full pass finds none. The start never moves.
 * In an open path the last point has no next edge, so reversing a tail costs only one new edge.
 */
function twoOpt(d: ReadonlyArray<Float64Array>, order: number[], closed: boolean): number {
  const n = order.length
  let passes = 0
  let improved = n > 2
  while (improved) {
    improved = false
    passes++
    for (let i = 1; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = order[i - 1]!
        const b = order[i]!
        const c = order[j]!
        const next = j + 1 < n ? order[j + 1]! : closed ? order[0]! : -1
        const before = d[a]![b]! + (next < 0 ? 0 : d[c]![next]!)
        const after = d[a]![c]! + (next < 0 ? 0 : d[b]![next]!)
        if (after < before - MIN_SAVING_M) {
          reverse(order, i, j)
          improved = true
        }
      }
    }
  }
  return passes
}

function reverse(order: number[], i: number, j: number): void {
  for (; i < j; i++, j--)
    [order[i], order[j]] = [order[j]!, order[i]!]
}
