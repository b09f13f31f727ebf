import type { EchartsCollection, EchartsFeature } from './echarts-source.ts'

type Ring = [number, number][]
export type PolygonCoords = Ring[]

/**
 * Decodes one ring of ECharts' "UTF8Encoding" format, as echarts' own parseGeoJson does:
 * each vertex is two UTF-16 chars holding a zigzag-encoded delta (offset by 64) from the
 * previous vertex, starting at `encodeOffsets`; integers are degrees × scale (1024 by default).
 */
export function decodeRing(encoded: string, offsets: [number, number], scale: number): Ring {
  const ring: Ring = []
  let prevX = offsets[0]
  let prevY = offsets[1]
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64
    let y = encoded.charCodeAt(i + 1) - 64
    x = (x >> 1) ^ -(x & 1)
    y = (y >> 1) ^ -(y & 1)
    prevX += x
    prevY += y
    ring.push([prevX / scale, prevY / scale])
  }
  return ring
}

function decodePolygon(rings: unknown[], offsets: unknown[], scale: number): PolygonCoords {
  return rings.map((ring, i) => decodeRing(ring as string, offsets[i] as [number, number], scale))
}

/** Returns the feature's polygons as plain coordinates, decoding them if the file is compressed. */
export function featurePolygons(collection: EchartsCollection, feature: EchartsFeature): PolygonCoords[] {
  const { type, coordinates, encodeOffsets } = feature.geometry
  if (!collection.UTF8Encoding)
    return type === 'Polygon' ? [coordinates as PolygonCoords] : (coordinates as PolygonCoords[])

  const scale = collection.UTF8Scale ?? 1024
  if (type === 'Polygon')
    return [decodePolygon(coordinates as unknown[], encodeOffsets as unknown[], scale)]
  const offsets = encodeOffsets as unknown[][]
  return (coordinates as unknown[][]).map((polygon, i) => decodePolygon(polygon, offsets[i] ?? [], scale))
}
