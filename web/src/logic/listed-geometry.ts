import type { Geometry, Point, Polygon, Position } from 'geojson'

/** Terra-draw keeps more decimals than a survey has; 1e-7° is about a centimetre. */
function round(position: Position): Position {
  return [Math.round(position[0]! * 1e7) / 1e7, Math.round(position[1]! * 1e7) / 1e7]
}

/** The point or polygon a drawing produced, rounded; anything else (or nothing) is null. */
export function drawnGeometry(geometry: Geometry | undefined | null): Point | Polygon | null {
  if (geometry?.type === 'Point')
    return { type: 'Point', coordinates: round(geometry.coordinates) }
  if (geometry?.type === 'Polygon' && geometry.coordinates[0] && geometry.coordinates[0].length >= 4)
    return { type: 'Polygon', coordinates: geometry.coordinates.map(ring => ring.map(round)) }
  return null
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
