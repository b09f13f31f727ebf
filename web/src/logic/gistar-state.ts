import type { HexSize } from './map-layer-toggles.ts'
import type { MapLevel } from './url-state.ts'
import { HEX_SIZES } from './map-layer-toggles.ts'

/** The hot spot analysis layers; one at a time, since both colour the same hexagons. */
export const HOTSPOT_LAYERS = ['gistar', 'emerging'] as const
export type HotspotLayer = (typeof HOTSPOT_LAYERS)[number]
export type Correction = 'none' | 'fdr'

/** The analysis on show and its options; in the URL as `hotspot=gistar&hsize=500&correction=fdr&distance=1200`. */
export interface HotspotView {
  layer: HotspotLayer
  size: HexSize
  correction: Correction
  /** Fixed band in metres; null: the server's default (smallest giving every cell a neighbour). */
  distance: number | null
}

/** The server's largest accepted band (server/src/routes/hotspots.ts). */
export const MAX_DISTANCE_M = 50_000

type QueryValue = string | null | undefined | (string | null)[]

function first(value: QueryValue): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

/** A band in metres the server accepts, to the millimetre; anything else is null (the default). */
export function parseDistance(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^\d{1,6}(?:\.\d+)?$/.test(text))
    return null
  const n = Math.round(Number(text) * 1000) / 1000
  return n > 0 && n <= MAX_DISTANCE_M ? n : null
}

/** The size to start with: whole cities are large, so 1 km there; 500 m inside a district. */
export function defaultHotspotSize(level: MapLevel): HexSize {
  return level === 'district' ? 1000 : 500
}

/** Read the hot spot keys of a view query; no valid `hotspot` key means the layers are off. */
export function parseHotspotQuery(query: Record<string, QueryValue>): HotspotView | undefined {
  const layer = first(query.hotspot)
  if (!HOTSPOT_LAYERS.includes(layer as HotspotLayer))
    return undefined
  const size = Number(first(query.hsize))
  return {
    layer: layer as HotspotLayer,
    size: HEX_SIZES.includes(size as HexSize) ? size as HexSize : 500,
    correction: first(query.correction) === 'fdr' ? 'fdr' : 'none',
    distance: parseDistance(first(query.distance)),
  }
}

/** The hot spot keys for a view query, in a stable order; none when the layers are off. */
export function serializeHotspotQuery(hotspot: HotspotView | undefined): Record<string, string> {
  if (!hotspot)
    return {}
  const out: Record<string, string> = { hotspot: hotspot.layer, hsize: String(hotspot.size), correction: hotspot.correction }
  if (hotspot.distance !== null)
    out.distance = String(hotspot.distance)
  return out
}

/**
 * The server's query for an analysis of `parent` over the months `period`..`to` (one month when
 * `to` is absent); the band is sent only when one is set.
 */
export function analysisQuery(parent: string, indicator: string, hotspot: HotspotView, period: string, to?: string | null) {
  return {
    parent,
    grid: 'hex' as const,
    size: String(hotspot.size) as `${HexSize}`,
    indicator,
    period,
    ...(to ? { to } : {}),
    correction: hotspot.correction,
    ...(hotspot.distance !== null ? { distance: String(hotspot.distance) } : {}),
  }
}
