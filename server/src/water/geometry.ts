import type { GeometryProblem } from '../listed/geometry.ts'
import type { GeometryInput } from '../listed/schemas.ts'
import type { LineInput } from './schemas.ts'
import { checkCoordinates } from '../import/coords.ts'
import { geometryProblem } from '../listed/geometry.ts'

export type WaterGeometry = GeometryInput | LineInput

/**
 * The checks that need no database, as for listed hotspots: no `crs` member, closed rings, a
 * vertex budget, and every position through the importer's coordinate checks. A line also needs
 * two distinct positions. ST_IsValid runs in SQL after.
 */
export function waterGeometryProblem(g: WaterGeometry): GeometryProblem {
  if (g.type !== 'LineString')
    return geometryProblem(g)
  if (g.crs !== undefined)
    return { code: 'invalid_geometry', message: 'geometry: a "crs" member is not accepted; send WGS84 longitude/latitude degrees (EPSG:4326, RFC 7946)' }
  for (const [lon, lat] of g.coordinates) {
    const check = checkCoordinates(lon!, lat!)
    if (!check.ok)
      return { code: 'invalid_coordinates', message: `geometry: ${check.reason}`, ...(check.hint ? { hint: check.hint } : {}) }
  }
  const distinct = new Set(g.coordinates.map(p => `${p[0]},${p[1]}`))
  if (distinct.size < 2)
    return { code: 'invalid_geometry', message: 'geometry: a line needs at least two distinct positions' }
  return null
}

/** The geometry as GeoJSON text for ST_GeomFromGeoJSON, without members PostGIS would misread. */
export function waterGeometryText(g: WaterGeometry): string {
  return JSON.stringify({ type: g.type, coordinates: g.coordinates })
}
