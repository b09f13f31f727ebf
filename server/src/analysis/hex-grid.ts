// Flat-topped hexagons laid out exactly as PostGIS ST_HexagonGrid(size, …) lays them, origin at
// (0, 0) of a planar frame in metres (a UTM zone here). `size` is the edge length, which is also
// the centre-to-vertex distance; columns are 1.5·size apart and odd columns (|i| odd) are shifted
// up by half a row. The same arithmetic runs in SQL at import (migration 0006, hex_counts_add).

export const HEX_SIZES = [250, 500, 1000] as const
export type HexSize = (typeof HEX_SIZES)[number]

/** PostGIS's own constant for √3/2 (lwgeom_generate_grid.c), so vertices agree to the bit. */
const H = 0.8660254037844387

type XY = [number, number]

/** Row height: twice the apothem. */
function rowHeight(size: number): number {
  return size * 2 * H
}

/** The cell containing (x, y): the one with the nearest centre (ties go to the lower column). */
export function hexIndex(x: number, y: number, size: number): [number, number] {
  const h = rowHeight(size)
  const i0 = Math.floor(x / (1.5 * size))
  const odd0 = Math.abs(i0) % 2
  const j0 = Math.floor((y - 0.5 * h * odd0) / h + 0.5)
  const j1 = Math.floor((y - 0.5 * h * (1 - odd0)) / h + 0.5)
  const d0 = (x - 1.5 * size * i0) ** 2 + (y - h * (j0 + 0.5 * odd0)) ** 2
  const d1 = (x - 1.5 * size * (i0 + 1)) ** 2 + (y - h * (j1 + 0.5 * (1 - odd0))) ** 2
  return d0 <= d1 ? [i0, j0] : [i0 + 1, j1]
}

/** Centre of cell (i, j), computed as ST_HexagonGrid computes its offsets. */
export function hexCentre(i: number, j: number, size: number): XY {
  const h = rowHeight(size)
  return [1.5 * size * i, h * j + 0.5 * h * (Math.abs(i) % 2)]
}

const HEX_X = [-1, -0.5, 0.5, 1, 0.5, -0.5, -1]
const HEX_Y = [0, -0.5, -0.5, 0, 0.5, 0.5, 0]

/** The closed ring of cell (i, j), vertices in ST_HexagonGrid's order. */
export function hexRing(i: number, j: number, size: number): XY[] {
  const h = rowHeight(size)
  const [ox, oy] = hexCentre(i, j, size)
  return HEX_X.map((hx, k) => [size * hx + ox, h * HEX_Y[k]! + oy])
}

/** The six cells sharing an edge with (i, j). */
export function hexNeighbours(i: number, j: number): XY[] {
  const side = Math.abs(i) % 2 ? [j, j + 1] : [j - 1, j]
  return [[i, j - 1], [i, j + 1], ...[i - 1, i + 1].flatMap(c => side.map(r => [c, r] as XY))]
}

export interface HexCell { i: number, j: number, x: number, y: number }

export class TooManyCells extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} cells`)
  }
}

/** Polygon rings as GeoJSON MultiPolygon coordinates, in the grid's planar frame. */
export type PlanarMultiPolygon = number[][][][]

/**
 * Every cell whose hexagon intersects the multipolygon, as ST_Intersects(hexagon, polygon) would
 * decide, sorted by (i, j). Cells whose centre lies inside (even-odd rule, so holes and several
 * parts work) come from a scan down each column; cells the boundary crosses come from walking each
 * edge in pieces shorter than half an edge and testing the piece against the cell it starts in and
 * its neighbours exactly (separating axes), so no sliver is missed. Throws TooManyCells past
 * `maxCells` without finishing the layout.
 */
export function layoutHexCells(polygon: PlanarMultiPolygon, size: number, maxCells: number): HexCell[] {
  const cells = new Map<number, [number, number]>()
  const add = (i: number, j: number) => {
    cells.set(cellKey(i, j), [i, j])
    if (cells.size > maxCells)
      throw new TooManyCells(maxCells)
  }
  const edges = polygon.flatMap(rings => rings.flatMap(ring => ring.slice(1).map((b, k) => [ring[k]!, b] as [number[], number[]])))
  for (const [a, b] of edges)
    boundaryCells(a as XY, b as XY, size, add)
  interiorCells(edges, size, add)
  return [...cells.values()]
    .sort((p, q) => p[0] - q[0] || p[1] - q[1])
    .map(([i, j]) => {
      const [x, y] = hexCentre(i, j, size)
      return { i, j, x, y }
    })
}

// i and j stay far inside ±2^20 for any UTM coordinate and size ≥ 1 m.
function cellKey(i: number, j: number): number {
  return (i + 2 ** 20) * 2 ** 22 + (j + 2 ** 21)
}

function boundaryCells(a: XY, b: XY, size: number, add: (i: number, j: number) => void): void {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1])
  const pieces = Math.max(1, Math.ceil(length / (size / 2)))
  for (let k = 0; k < pieces; k++) {
    const p: XY = [a[0] + (b[0] - a[0]) * k / pieces, a[1] + (b[1] - a[1]) * k / pieces]
    const q: XY = k === pieces - 1 ? b : [a[0] + (b[0] - a[0]) * (k + 1) / pieces, a[1] + (b[1] - a[1]) * (k + 1) / pieces]
    const [i, j] = hexIndex(p[0], p[1], size)
    add(i, j)
    // A piece shorter than half an edge cannot reach past the neighbours of the cell it starts in.
    for (const [ni, nj] of hexNeighbours(i, j)) {
      if (segmentTouchesHex(p, q, ni, nj, size))
        add(ni, nj)
    }
  }
}

function interiorCells(edges: Array<[number[], number[]]>, size: number, add: (i: number, j: number) => void): void {
  const h = rowHeight(size)
  const width = 1.5 * size
  // Bucket each edge under the columns whose centre line it spans, so each column sees only its own.
  const columns = new Map<number, Array<[number[], number[]]>>()
  for (const e of edges) {
    const [lo, hi] = e[0][0]! < e[1][0]! ? [e[0][0]!, e[1][0]!] : [e[1][0]!, e[0][0]!]
    for (let i = Math.ceil(lo / width); i * width <= hi; i++) {
      const list = columns.get(i)
      if (list)
        list.push(e)
      else
        columns.set(i, [e])
    }
  }
  for (const [i, list] of columns) {
    const x = width * i
    const crossings: number[] = []
    for (const [a, b] of list) {
      // Half-open in x, so a vertex on the line is counted once.
      if ((a[0]! <= x) !== (b[0]! <= x))
        crossings.push(a[1]! + (x - a[0]!) * (b[1]! - a[1]!) / (b[0]! - a[0]!))
    }
    crossings.sort((p, q) => p - q)
    const offset = 0.5 * h * (Math.abs(i) % 2)
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      for (let j = Math.ceil((crossings[k]! - offset) / h); h * j + offset < crossings[k + 1]!; j++)
        add(i, j)
    }
  }
}

/** Whether the closed segment pq meets the closed hexagon (i, j): no separating axis exists. */
export function segmentTouchesHex(p: XY, q: XY, i: number, j: number, size: number): boolean {
  const ring = hexRing(i, j, size)
  const axes: XY[] = [[0, 1], [H, 0.5], [H, -0.5], [q[1] - p[1], p[0] - q[0]]]
  for (const [ax, ay] of axes) {
    let lo = Infinity
    let hi = -Infinity
    for (let k = 0; k < 6; k++) {
      const d = ring[k]![0] * ax + ring[k]![1] * ay
      lo = Math.min(lo, d)
      hi = Math.max(hi, d)
    }
    const dp = p[0] * ax + p[1] * ay
    const dq = q[0] * ax + q[1] * ay
    if (Math.max(dp, dq) < lo || Math.min(dp, dq) > hi)
      return false
  }
  return true
}
