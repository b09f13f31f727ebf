import type { MultiPolygon, Position } from 'geojson'
import { round6 } from './ring-cleaning.ts'

/** A vertex this close to a segment (≈0.2 m) lies on it up to 6-decimal rounding. */
const ON_SEGMENT_TOLERANCE = 2e-6
const GRID_CELL = 0.01

const key = (p: Position): string => `${p[0]},${p[1]}`

export function roundMultiPolygon(shape: MultiPolygon): MultiPolygon {
  const coordinates = shape.coordinates
    .map(polygon => polygon.map(ring => withoutRepeats(ring.map(([x, y]) => [round6(x!), round6(y!)]))).filter(ring => ring.length >= 4))
    .filter(polygon => polygon.length > 0)
  return { type: 'MultiPolygon', coordinates }
}

function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || key(p) !== key(ring[i - 1]!))
}

function cellKey(x: number, y: number): string {
  return `${Math.floor(x / GRID_CELL)}:${Math.floor(y / GRID_CELL)}`
}

function buildVertexGrid(shapes: MultiPolygon[]): Map<string, Position[]> {
  const grid = new Map<string, Position[]>()
  const seen = new Set<string>()
  for (const p of shapes.flatMap(s => s.coordinates.flat(2))) {
    if (seen.has(key(p)))
      continue
    seen.add(key(p))
    const cell = cellKey(p[0]!, p[1]!)
    grid.set(cell, [...(grid.get(cell) ?? []), p])
  }
  return grid
}

function verticesOnSegment(a: Position, b: Position, grid: Map<string, Position[]>): Position[] {
  const [ax, ay, bx, by] = [a[0]!, a[1]!, b[0]!, b[1]!]
  const dx = bx - ax
  const dy = by - ay
  const lengthSquared = dx * dx + dy * dy
  const found: { p: Position, t: number }[] = []
  for (let cx = Math.floor(Math.min(ax, bx) / GRID_CELL); cx <= Math.floor(Math.max(ax, bx) / GRID_CELL); cx++) {
    for (let cy = Math.floor(Math.min(ay, by) / GRID_CELL); cy <= Math.floor(Math.max(ay, by) / GRID_CELL); cy++) {
      for (const p of grid.get(`${cx}:${cy}`) ?? []) {
        const t = ((p[0]! - ax) * dx + (p[1]! - ay) * dy) / lengthSquared
        if (t <= 0 || t >= 1)
          continue
        const offset = Math.abs((p[0]! - ax) * dy - (p[1]! - ay) * dx) / Math.sqrt(lengthSquared)
        if (offset < ON_SEGMENT_TOLERANCE && key(p) !== key(a) && key(p) !== key(b))
          found.push({ p, t })
      }
    }
  }
  return found.sort((u, v) => u.t - v.t).map(f => f.p)
}

/**
 * Where one ring has a vertex in the middle of another ring's segment (a Voronoi edge meeting
 * the county edge, or one county's extra vertex on a shared border), insert it into the other
 * ring too. Then neighbours share exactly the same vertices, so topojson finds shared arcs and
 * the display simplification cannot open gaps between them.
 */
export function insertSharedVertices(shapes: MultiPolygon[]): MultiPolygon[] {
  const grid = buildVertexGrid(shapes)
  return shapes.map(shape => ({
    type: 'MultiPolygon',
    coordinates: shape.coordinates.map(polygon => polygon.map((ring) => {
      const out: Position[] = [ring[0]!]
      for (let i = 1; i < ring.length; i++) {
        out.push(...verticesOnSegment(ring[i - 1]!, ring[i]!, grid), ring[i]!)
      }
      return withoutRepeats(out)
    })),
  }))
}
