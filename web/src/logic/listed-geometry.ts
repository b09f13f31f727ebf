import type { Geometry, Point, Polygon } from 'geojson'
import { drawnShape } from './drawn-shape.ts'

/** The point or polygon a drawing produced, rounded; anything else (or nothing) is null. */
export function drawnGeometry(geometry: Geometry | undefined | null): Point | Polygon | null {
  const shape = drawnShape(geometry)
  return shape?.type === 'LineString' ? null : shape
}

/** [west, south, east, north] of any geometry's coordinates, or null when it has none. */
export function geometryBounds(geometry: Geometry | null | undefined): [number, number, number, number] | null {
  if (!geometry)
    return null
  let box: [number, number, number, number] | null = null
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [x, y] = value as number[]
      box = box
        ? [Math.min(box[0], x!), Math.min(box[1], y!), Math.max(box[2], x!), Math.max(box[3], y!)]
        : [x!, y!, x!, y!]
    }
    else if (Array.isArray(value)) {
      value.forEach(visit)
    }
  }
  if (geometry.type === 'GeometryCollection')
    geometry.geometries.forEach(g => visit((g as { coordinates?: unknown }).coordinates))
  else visit(geometry.coordinates)
  return box
}
