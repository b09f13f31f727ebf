import type { Queryable } from '@riskmap/server/db/database.ts'
import { pointsIn } from './scope-fixture.ts'

export interface LonLat { lon: number, lat: number }

/** A point `metres` away from p along a bearing (degrees from north), on a local tangent plane. */
export function offset(p: LonLat, metres: number, bearing: number): LonLat {
  const t = (bearing * Math.PI) / 180
  return {
    lon: p.lon + (metres * Math.sin(t)) / (111_320 * Math.cos((p.lat * Math.PI) / 180)),
    lat: p.lat + (metres * Math.cos(t)) / 110_574,
  }
}

/** Great-circle distance in metres (mean Earth radius): the test's own measure, not PostGIS's. */
export function haversine(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h))
}

/** A square polygon of half-side `metres` around p. */
export function square(p: LonLat, metres: number): { type: 'Polygon', coordinates: number[][][] } {
  const [n, e, s, w] = [offset(p, metres, 0).lat, offset(p, metres, 90).lon, offset(p, metres, 180).lat, offset(p, metres, 270).lon]
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }
}

/**
 * A fixture point in the township whose surroundings (a square of half-side `metres`) lie wholly
 * inside it, checked with PostGIS against the township's own boundary.
 */
export async function roomyPointIn(db: Queryable, township: string, metres: number): Promise<LonLat> {
  for (const p of pointsIn(township, 17)) {
    const rows = await db.query<{ ok: boolean }>(`SELECT ST_CoveredBy(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), geom) AS ok FROM region WHERE code = $2`, [JSON.stringify(square(p, metres)), township])
    if (rows[0]?.ok)
      return p
  }
  throw new Error(`no fixture point with ${metres} m of room in ${township}`)
}
