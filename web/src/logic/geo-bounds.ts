import type { Feature, Geometry, Position } from 'geojson'

export type BBox = [west: number, south: number, east: number, north: number]

function visit(coords: unknown, box: BBox): void {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = coords as Position
    box[0] = Math.min(box[0], x!)
    box[1] = Math.min(box[1], y!)
    box[2] = Math.max(box[2], x!)
    box[3] = Math.max(box[3], y!)
  }
  else if (Array.isArray(coords)) {
    for (const c of coords) visit(c, box)
  }
}

/** Bounding box of features, or null when none has coordinates. */
export function featuresBounds(features: readonly Feature<Geometry | null>[]): BBox | null {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity]
  for (const f of features) {
    if (f.geometry && 'coordinates' in f.geometry)
      visit(f.geometry.coordinates, box)
  }
  return Number.isFinite(box[0]) ? box : null
}
