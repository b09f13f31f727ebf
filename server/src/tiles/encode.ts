import type { TileFeatureRow } from '../queries/tiles.ts'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import { TILE_EXTENT } from '../queries/tiles.ts'

type Tags = Record<string, string | number | boolean>

/**
 * Encodes feature rows (already in tile coordinates) as one MVT layer `events`, as ST_AsMVT does
 * from the same rows: `fid` is the feature id, null properties are left out. For PGlite, whose
 * postgis has no protobuf support.
 */
export function encodeEventTile(rows: TileFeatureRow[]): Uint8Array {
  if (rows.length === 0)
    return new Uint8Array(0)
  const features = rows.map((r) => {
    const tags: Tags = {}
    for (const key of ['id', 'indicator', 'occurred_at', 'source', 'count', 'cluster'] as const) {
      const value = r[key]
      if (value !== null)
        tags[key] = value
    }
    return { type: 1 as const, geometry: [[r.x, r.y]], tags, ...(r.fid === null ? {} : { id: r.fid }) }
  })
  // The geojson-vt tile shape is all vt-pbf reads: features with tile-space geometry.
  const layer = { features } as unknown as Parameters<typeof fromGeojsonVt>[0][string]
  return fromGeojsonVt({ events: layer }, { version: 2, extent: TILE_EXTENT })
}
