import type { MultiPolygon, Polygon, Position } from 'geojson'
import * as turf from '@turf/turf'
import gcoord from 'gcoord'

/** Every coordinate we write is rounded to 6 decimals (~0.1 m), which also makes output byte-stable. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0
}

export function gcj02ToWgs84(position: Position): Position {
  const [lon, lat] = gcoord.transform([position[0]!, position[1]!] as [number, number], gcoord.GCJ02, gcoord.WGS84)
  return [lon, lat]
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1]
}

/**
 * The ECharts shapes are quantised to 1/1024° and carry repeated vertices and
 * there-and-back spikes; both make rings invalid, so strip them until none are left.
 */
export function dropRepeatsAndSpikes(ring: Position[]): Position[] {
  let points = ring.slice(0, samePosition(ring[0]!, ring[ring.length - 1]!) ? -1 : undefined)
  let changed = true
  while (changed && points.length > 2) {
    changed = false
    const kept: Position[] = []
    for (const point of points) {
      const last = kept[kept.length - 1]
      if (last && samePosition(last, point)) {
        changed = true
        continue
      }
      const beforeLast = kept[kept.length - 2]
      if (beforeLast && samePosition(beforeLast, point)) {
        kept.pop()
        changed = true
        continue
      }
      kept.push(point)
    }
    while (kept.length > 2 && samePosition(kept[0]!, kept[kept.length - 1]!)) {
      kept.pop()
      changed = true
    }
    points = kept
  }
  return points.length < 3 ? [] : [...points, points[0]!]
}

/**
 * Re-nodes a multipolygon through the polygon clipper (intersecting it with its own padded
 * bbox), which turns self-touching rings into valid OGC polygons without moving any vertex.
 */
export function normalizeMultiPolygon(polygons: Position[][][]): MultiPolygon {
  const shape = turf.multiPolygon(polygons)
  const [minX, minY, maxX, maxY] = turf.bbox(shape)
  const frame = turf.bboxPolygon([minX - 1, minY - 1, maxX + 1, maxY + 1])
  const clipped = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([shape, frame]))
  if (!clipped)
    throw new Error('normalising a county polygon produced nothing')
  return asMultiPolygon(clipped.geometry)
}

export function asMultiPolygon(geometry: { type: 'Polygon' | 'MultiPolygon', coordinates: Position[][] | Position[][][] }): MultiPolygon {
  return geometry.type === 'Polygon'
    ? { type: 'MultiPolygon', coordinates: [geometry.coordinates as Position[][]] }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates as Position[][][] }
}
