import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

export interface DecodedFeature {
  id: number | undefined
  x: number
  y: number
  properties: Record<string, string | number | boolean>
}

/** The features of one layer of an MVT, decoded with @mapbox/vector-tile (point features). */
export function decodeLayer(bytes: Uint8Array, layer = 'events'): { extent: number, features: DecodedFeature[] } {
  const tile = new VectorTile(new PbfReader(bytes))
  const l = tile.layers[layer]
  if (!l)
    return { extent: 4096, features: [] }
  const features: DecodedFeature[] = []
  for (let i = 0; i < l.length; i++) {
    const f = l.feature(i)
    const p = f.loadGeometry()[0]![0]!
    features.push({ id: f.id, x: p.x, y: p.y, properties: { ...f.properties } as DecodedFeature['properties'] })
  }
  return { extent: l.extent, features }
}

const R = 6378137
const HALF = Math.PI * R

/** Unrounded tile coordinates (extent 4096) of a WGS84 point by the standard Web Mercator formula. */
export function tileCoords(lon: number, lat: number, z: number, x: number, y: number, extent = 4096): { x: number, y: number } {
  const mx = R * lon * Math.PI / 180
  const my = R * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360))
  const n = 2 ** z
  return { x: ((mx + HALF) / (2 * HALF) * n - x) * extent, y: ((HALF - my) / (2 * HALF) * n - y) * extent }
}

/** The tile at zoom z that contains a WGS84 point. */
export function tileOf(lon: number, lat: number, z: number): { z: number, x: number, y: number } {
  const t = tileCoords(lon, lat, z, 0, 0, 1)
  return { z, x: Math.floor(t.x), y: Math.floor(t.y) }
}

/** A stable sort key for comparing feature sets decoded from two encoders. */
export function featureKey(f: DecodedFeature): string {
  const props = Object.keys(f.properties).sort().map(k => `${k}=${JSON.stringify(f.properties[k])}`).join(',')
  return `${f.id ?? '-'}@${f.x},${f.y}{${props}}`
}
