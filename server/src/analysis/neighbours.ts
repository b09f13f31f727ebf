// Fixed-distance-band neighbours for cell centroids. Coordinates must be in a projected CRS in
// metres (local UTM, or Web Mercator corrected by cos(latitude)): distances are plain Euclidean,
// which is what spdep::dnearneigh and Esri's "fixed distance band" use on projected data.

export type Point = readonly [number, number]

/** Uniform grid of buckets, so a query only looks at nearby points instead of all n. */
interface Grid {
  minX: number
  minY: number
  cell: number
  cols: number
  rows: number
  buckets: Map<number, number[]>
}

function bounds(points: readonly Point[]): { minX: number, minY: number, extent: number } {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const [x, y] of points) {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  return { minX, minY, extent: Math.max(maxX - minX, maxY - minY, 0) }
}

function buildGrid(points: readonly Point[], cell: number): Grid {
  const { minX, minY, extent } = bounds(points)
  // A tiny band over a large extent would give astronomically many keys; a coarser cell stays
  // correct (the ±1 ring still covers the band) and keeps keys exact integers.
  const size = Math.max(cell, extent / 1e6, Number.MIN_VALUE)
  const cols = Math.floor(extent / size) + 1
  const rows = cols
  const buckets = new Map<number, number[]>()
  points.forEach(([x, y], i) => {
    const key = Math.floor((x - minX) / size) * rows + Math.floor((y - minY) / size)
    const bucket = buckets.get(key)
    if (bucket)
      bucket.push(i)
    else
      buckets.set(key, [i])
  })
  return { minX, minY, cell: size, cols, rows, buckets }
}

/** √(dx² + dy²) written out as R's dnearneigh does, not Math.hypot, so ties at the band agree. */
function euclidean(p: Point, q: Point): number {
  const dx = q[0] - p[0]
  const dy = q[1] - p[1]
  return Math.sqrt(dx * dx + dy * dy)
}

function bucketOf(grid: Grid, [x, y]: Point): [number, number] {
  return [Math.floor((x - grid.minX) / grid.cell), Math.floor((y - grid.minY) / grid.cell)]
}

/**
 * Binary neighbours within a fixed band: for each i, every j ≠ i with Euclidean distance
 * ≤ `distance`. The comparison is exact, as in spdep::dnearneigh, so a reported band reproduces
 * the same neighbours in R. O(n·k) through a grid of band-sized buckets.
 */
export function distanceBandNeighbours(points: readonly Point[], distance: number): Int32Array[] {
  if (!(distance >= 0))
    throw new RangeError('distance must be a non-negative number')
  const grid = buildGrid(points, distance)
  return points.map((p, i) => {
    const [bx, by] = bucketOf(grid, p)
    const found: number[] = []
    for (let gx = bx - 1; gx <= bx + 1; gx++) {
      for (let gy = by - 1; gy <= by + 1; gy++) {
        if (gx < 0 || gy < 0 || gx >= grid.cols || gy >= grid.rows)
          continue
        for (const j of grid.buckets.get(gx * grid.rows + gy) ?? []) {
          const q = points[j]!
          if (j !== i && euclidean(p, q) <= distance)
            found.push(j)
        }
      }
    }
    return Int32Array.from(found.sort((a, b) => a - b))
  })
}

/**
 * The smallest band that gives every point at least one neighbour: the largest
 * nearest-neighbour distance. 0 with fewer than two points. Round it up a little (see
 * `roundBandUp`) before use, so that cells of a regular grid lying exactly at the band do not
 * drop out through floating-point noise.
 */
export function minDistanceForOneNeighbour(points: readonly Point[]): number {
  const n = points.length
  if (n < 2)
    return 0
  // About one point per bucket, so the ring search usually stops after one or two rings.
  const grid = buildGrid(points, bounds(points).extent / Math.sqrt(n))
  let band = 0
  for (let i = 0; i < n; i++)
    band = Math.max(band, nearestDistance(points, grid, i))
  return band
}

/** Rings of buckets outward until no unvisited bucket can hold anything nearer. */
function nearestDistance(points: readonly Point[], grid: Grid, i: number): number {
  const p = points[i]!
  const [bx, by] = bucketOf(grid, p)
  let best = Infinity
  const maxRing = Math.max(grid.cols, grid.rows)
  for (let r = 0; r <= maxRing; r++) {
    // Points in ring r+1 are at least r·cell away; stop once the best beats that.
    if (best <= (r - 1) * grid.cell)
      return best
    // A far outlier would walk many empty rings; a plain scan is exact and cheaper then.
    if (r > 64)
      return bruteNearest(points, i)
    for (let gx = bx - r; gx <= bx + r; gx++) {
      for (let gy = by - r; gy <= by + r; gy++) {
        if (Math.max(Math.abs(gx - bx), Math.abs(gy - by)) !== r)
          continue
        if (gx < 0 || gy < 0 || gx >= grid.cols || gy >= grid.rows)
          continue
        for (const j of grid.buckets.get(gx * grid.rows + gy) ?? []) {
          if (j !== i)
            best = Math.min(best, euclidean(p, points[j]!))
        }
      }
    }
  }
  return best
}

function bruteNearest(points: readonly Point[], i: number): number {
  const p = points[i]!
  let best = Infinity
  points.forEach((q, j) => {
    if (j !== i)
      best = Math.min(best, euclidean(p, q))
  })
  return best
}

/**
 * Round a band up to the next `step` (default 1 mm). A band read back from a method card then
 * still includes every pair at the nominal distance, in this code and in R.
 */
export function roundBandUp(distance: number, step = 0.001): number {
  const steps = Math.ceil(distance / step - 1e-9)
  // Dividing by the integer 1/step keeps 500.001 exact where 500001 × 0.001 would not be.
  return step < 1 ? steps / Math.round(1 / step) : steps * step
}
