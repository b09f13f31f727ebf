import type { Geometry, LineString, Point, Polygon, Position } from 'geojson'

/** Terra-draw keeps more decimals than a survey has; 1e-7° is about a centimetre. */
function round(position: Position): Position {
  return [Math.round(position[0]! * 1e7) / 1e7, Math.round(position[1]! * 1e7) / 1e7]
}

/**
 * The point, line or polygon a drawing produced, rounded; anything else, a line of fewer than two
 * positions or a ring of fewer than four, is null.
 */
export function drawnShape(geometry: Geometry | undefined | null): Point | LineString | Polygon | null {
  if (geometry?.type === 'Point')
    return { type: 'Point', coordinates: round(geometry.coordinates) }
  if (geometry?.type === 'LineString' && geometry.coordinates.length >= 2)
    return { type: 'LineString', coordinates: geometry.coordinates.map(round) }
  if (geometry?.type === 'Polygon' && geometry.coordinates[0] && geometry.coordinates[0].length >= 4)
    return { type: 'Polygon', coordinates: geometry.coordinates.map(ring => ring.map(round)) }
  return null
}
