// UTM (WGS84, northern hemisphere) back to longitude and latitude, with Krüger's series to n⁶ as
// Karney (2011) gives them: within a zone the truncation error is nanometres, so the hexagons drawn
// on the map are the cells PostGIS counted in. Tested against ST_Transform.

const A_AXIS = 6378137
const F = 1 / 298.257223563
const K0 = 0.9996
const FALSE_EASTING = 500_000

const n = F / (2 - F)
const A = (A_AXIS / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64 + n ** 6 / 256)
const BETA = [
  n / 2 - (2 / 3) * n ** 2 + (37 / 96) * n ** 3 - (1 / 360) * n ** 4 - (81 / 512) * n ** 5 + (96199 / 604800) * n ** 6,
  (1 / 48) * n ** 2 + (1 / 15) * n ** 3 - (437 / 1440) * n ** 4 + (46 / 105) * n ** 5 - (1118711 / 3870720) * n ** 6,
  (17 / 480) * n ** 3 - (37 / 840) * n ** 4 - (209 / 4480) * n ** 5 + (5569 / 90720) * n ** 6,
  (4397 / 161280) * n ** 4 - (11 / 504) * n ** 5 - (830251 / 7257600) * n ** 6,
  (4583 / 161280) * n ** 5 - (108847 / 3991680) * n ** 6,
  (20648693 / 638668800) * n ** 6,
]
const DELTA = [
  2 * n - (2 / 3) * n ** 2 - 2 * n ** 3 + (116 / 45) * n ** 4 + (26 / 45) * n ** 5 - (2854 / 675) * n ** 6,
  (7 / 3) * n ** 2 - (8 / 5) * n ** 3 - (227 / 45) * n ** 4 + (2704 / 315) * n ** 5 + (2323 / 945) * n ** 6,
  (56 / 15) * n ** 3 - (136 / 35) * n ** 4 - (1262 / 105) * n ** 5 + (73814 / 2835) * n ** 6,
  (4279 / 630) * n ** 4 - (332 / 35) * n ** 5 - (399572 / 14175) * n ** 6,
  (4174 / 315) * n ** 5 - (144838 / 6237) * n ** 6,
  (601676 / 22275) * n ** 6,
]

/** The UTM zone (1–60) of an EPSG:326xx code. */
export function utmZoneOfSrid(srid: number): number {
  const zone = srid - 32600
  if (!Number.isInteger(zone) || zone < 1 || zone > 60)
    throw new RangeError(`EPSG:${srid} is not a northern UTM zone`)
  return zone
}

/** Easting and northing in a northern UTM zone to [lon, lat] in degrees. */
export function utmToLonLat(x: number, y: number, zone: number): [number, number] {
  const xi = y / (K0 * A)
  const eta = (x - FALSE_EASTING) / (K0 * A)
  let xiP = xi
  let etaP = eta
  for (let k = 1; k <= 6; k++) {
    xiP -= BETA[k - 1]! * Math.sin(2 * k * xi) * Math.cosh(2 * k * eta)
    etaP -= BETA[k - 1]! * Math.cos(2 * k * xi) * Math.sinh(2 * k * eta)
  }
  const chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP))
  let phi = chi
  for (let k = 1; k <= 6; k++)
    phi += DELTA[k - 1]! * Math.sin(2 * k * chi)
  const lambda0 = ((zone - 1) * 6 - 180 + 3) * Math.PI / 180
  const lambda = lambda0 + Math.atan2(Math.sinh(etaP), Math.cos(xiP))
  return [(lambda * 180) / Math.PI, (phi * 180) / Math.PI]
}
