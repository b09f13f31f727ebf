import type { GeometryInput } from './schemas.ts'
import { checkCoordinates } from '../import/coords.ts'

export type GeometryProblem = { code: 'invalid_geometry' | 'invalid_coordinates', message: string, hint?: string } | null

const MAX_VERTICES = 20_000

/**
 * The checks that need no database: no `crs` member (only WGS84 longitude/latitude is accepted),
 * closed rings, a vertex budget, and each position through the importer's coordinate checks
 * (out of range, projected metres, latitude and longitude swapped). ST_IsValid runs in SQL after.
 */
export function geometryProblem(g: GeometryInput): GeometryProblem {
  if (g.crs !== undefined)
    return { code: 'invalid_geometry', message: 'geometry: a "crs" member is not accepted; send WGS84 longitude/latitude degrees (EPSG:4326, RFC 7946)' }
  const rings = g.type === 'Point' ? [] : g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()
  const positions = g.type === 'Point' ? [g.coordinates] : rings.flat()
  if (positions.length > MAX_VERTICES)
    return { code: 'invalid_geometry', message: `geometry: at most ${MAX_VERTICES} vertices (got ${positions.length}); simplify the outline` }
  for (const [k, r] of rings.entries()) {
    const [first, last] = [r[0]!, r.at(-1)!]
    if (first[0] !== last[0] || first[1] !== last[1])
      return { code: 'invalid_geometry', message: `geometry: ring ${k + 1} is not closed (its last position must equal its first)` }
  }
  for (const [lon, lat] of positions) {
    const check = checkCoordinates(lon!, lat!)
    if (!check.ok)
      return { code: 'invalid_coordinates', message: `geometry: ${check.reason}`, ...(check.hint ? { hint: check.hint } : {}) }
  }
  return null
}

/** The geometry as GeoJSON text for ST_GeomFromGeoJSON, without members PostGIS would misread. */
export function geometryText(g: GeometryInput): string {
  return JSON.stringify({ type: g.type, coordinates: g.coordinates })
}
