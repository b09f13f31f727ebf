import gcoord from 'gcoord'

export const inputCrsList = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const
export type InputCrs = (typeof inputCrsList)[number]

/**
 * Converts a point to WGS84. CGCS2000 is within centimetres of WGS84 at map scale, so it is taken
 * as is; GCJ-02 (AMap, Tencent) and BD-09 (Baidu) carry a legal offset of hundreds of metres.
 */
export function toWgs84(lon: number, lat: number, crs: InputCrs): [number, number] {
  if (crs === 'wgs84' || crs === 'cgcs2000')
    return [lon, lat]
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09
  let [x, y] = gcoord.transform([lon, lat], from, gcoord.WGS84) as [number, number]
  // The inverse offset has no closed form and gcoord's is approximate (≈1e-6° for BD-09, about
  // 0.1 m): refine by fixed-point iteration on the forward offset, so that a point near a
  // township border lands on the same side as its original WGS84 position.
  for (let i = 0; i < 3; i++) {
    const [fx, fy] = gcoord.transform([x, y], gcoord.WGS84, from) as [number, number]
    x += lon - fx
    y += lat - fy
  }
  return [x, y]
}

export type CoordinateCheck = { ok: true } | { ok: false, column: 'lon' | 'lat', reason: string, hint?: string }

// China's extent, generously: used only to recognise swapped or projected coordinates.
const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 }

/** Catches coordinates that cannot be degrees, or that are plainly latitude/longitude swapped. */
export function checkCoordinates(lon: number, lat: number): CoordinateCheck {
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000)
      return { ok: false, column: Math.abs(lon) > 1000 ? 'lon' : 'lat', reason: `coordinates (${lon}, ${lat}) look like projected metres, not degrees`, hint: 'export the points as longitude/latitude degrees (EPSG:4326, CGCS2000, GCJ-02 or BD-09)' }
    if (Math.abs(lat) > 90 && Math.abs(lon) <= 90)
      return { ok: false, column: 'lat', reason: `latitude ${lat} is out of range; latitude and longitude appear swapped`, hint: `swap the columns: lon=${lat}, lat=${lon}` }
    return { ok: false, column: Math.abs(lon) > 180 ? 'lon' : 'lat', reason: `coordinates (${lon}, ${lat}) are out of range` }
  }
  if (inChina(lat, lon) && !inChina(lon, lat))
    return { ok: false, column: 'lon', reason: `point (${lon}, ${lat}) lies outside China but (${lat}, ${lon}) lies inside: latitude and longitude appear swapped`, hint: `swap the columns: lon=${lat}, lat=${lon}` }
  return { ok: true }
}

function inChina(lon: number, lat: number): boolean {
  return lon >= CHINA.minLon && lon <= CHINA.maxLon && lat >= CHINA.minLat && lat <= CHINA.maxLat
}
