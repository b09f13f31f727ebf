import type { GeometryProblem } from '../listed/geometry.ts'
import type { ZoneGeometry } from './schemas.ts'
import { checkCoordinates } from '../import/coords.ts'
import { geometryProblem as areaProblem } from '../listed/geometry.ts'

const MAX_VERTICES = 20_000

/**
 * The checks that need no database, as for listed hotspots: no `crs` member, closed rings, a
 * vertex budget, each position through the importer's coordinate checks (range, projected metres,
 * swapped axes), and for a line at least two distinct positions. ST_IsValid runs in SQL after.
 */
export function zoneGeometryProblem(g: ZoneGeometry): GeometryProblem {
  if (g.type === 'Polygon')
    return areaProblem(g)
  if (g.crs !== undefined)
    return { code: 'invalid_geometry', message: 'geometry: a "crs" member is not accepted; send WGS84 longitude/latitude degrees (EPSG:4326, RFC 7946)' }
  if (g.coordinates.length > MAX_VERTICES)
    return { code: 'invalid_geometry', message: `geometry: at most ${MAX_VERTICES} vertices (got ${g.coordinates.length}); simplify the line` }
  for (const [lon, lat] of g.coordinates) {
    const check = checkCoordinates(lon!, lat!)
    if (!check.ok)
      return { code: 'invalid_coordinates', message: `geometry: ${check.reason}`, ...(check.hint ? { hint: check.hint } : {}) }
  }
  const distinct = new Set(g.coordinates.map(([lon, lat]) => `${lon},${lat}`))
  if (distinct.size < 2)
    return { code: 'invalid_geometry', message: 'geometry: a line needs at least 2 distinct positions' }
  return null
}

/** The geometry as GeoJSON text for ST_GeomFromGeoJSON, without members PostGIS would misread. */
export function zoneGeometryText(g: ZoneGeometry): string {
  return JSON.stringify({ type: g.type, coordinates: g.coordinates })
}
