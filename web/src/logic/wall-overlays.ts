import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import type { WallLayer } from './wall-scenes.ts'
import { BLIND_SPOTS_SOURCE, blindSpotsFill, blindSpotsOutline } from '../map/layers/blind-spots.ts'
import { GISTAR_SOURCE, gistarFill, gistarOutline } from '../map/layers/gistar-cells.ts'
import { patrolLayers } from '../map/layers/patrol-layers.ts'
import { PATROL_SOURCE } from '../map/layers/patrol-source.ts'
import { waterLayers } from '../map/layers/water-layers.ts'
import { WATER_SOURCES } from '../map/layers/water-source.ts'

/** The scene layers drawn from their own GeoJSON sources over the region outlines. */
export const WALL_OVERLAYS = ['gistar', 'blindspots', 'patrol', 'water'] as const
export type WallOverlayLayer = (typeof WALL_OVERLAYS)[number]

export function isWallOverlay(layer: WallLayer): layer is WallOverlayLayer {
  return (WALL_OVERLAYS as readonly string[]).includes(layer)
}

/** One scene's overlay: the GeoJSON each source holds, the layers over them, and what the legend needs. */
export interface WallOverlay {
  layer: WallOverlayLayer
  /** The scene run it was loaded for: data of an earlier scene is never drawn. */
  run: number
  sources: Record<string, FeatureCollection>
  /** Blind spots: the lower bounds of the colour classes. */
  breaks?: number[]
}

/** The wall is read from across a room: lines and dots twice as heavy as on a desk. */
const WALL_WEIGHT = 2

function heavier(value: unknown): unknown {
  if (typeof value === 'number')
    return value * WALL_WEIGHT
  // A zoom curve must stay the top-level expression, so only data expressions are scaled.
  if (Array.isArray(value) && value[0] !== 'interpolate' && value[0] !== 'step')
    return ['*', WALL_WEIGHT, value] as unknown as ExpressionSpecification
  return value
}

/** The desk layer restyled for the dark wall: heavier lines, bigger dots, fills a little stronger. */
export function forTheWall(layer: LayerSpecification): LayerSpecification {
  if (layer.type === 'line')
    return { ...layer, paint: { ...layer.paint, 'line-width': heavier(layer.paint?.['line-width'] ?? 1) as number } }
  if (layer.type === 'circle') {
    const paint = layer.paint ?? {}
    return { ...layer, paint: { ...paint, 'circle-radius': heavier(paint['circle-radius'] ?? 5) as number, 'circle-stroke-width': heavier(paint['circle-stroke-width'] ?? 1) as number } }
  }
  if (layer.type === 'fill' && typeof layer.paint?.['fill-opacity'] === 'number')
    return { ...layer, paint: { ...layer.paint, 'fill-opacity': Math.min(0.85, layer.paint['fill-opacity'] + 0.15) } }
  return layer
}

/** The sources an overlay of `layer` uses (added with it, removed with it). */
export function overlaySources(layer: WallOverlayLayer): string[] {
  if (layer === 'gistar')
    return [GISTAR_SOURCE]
  if (layer === 'blindspots')
    return [BLIND_SPOTS_SOURCE]
  if (layer === 'patrol')
    return [PATROL_SOURCE]
  return Object.values(WATER_SOURCES)
}

/**
 * The layers of an overlay, bottom to top, from the workspace's own specs, restyled for the wall.
 * Blind spots get a light outline: the handful of small cells must be found from across the room.
 */
export function overlayLayers(overlay: Pick<WallOverlay, 'layer' | 'breaks'>): LayerSpecification[] {
  if (overlay.layer === 'gistar')
    return [gistarFill(true), gistarOutline(true)]
  if (overlay.layer === 'blindspots') {
    const outline = blindSpotsOutline(true, null)
    return [blindSpotsFill(true, overlay.breaks ?? [1, 2, 3, 4]), { ...outline, paint: { 'line-color': '#ffe3d6', 'line-width': 1.5 } }].map(forTheWall)
  }
  if (overlay.layer === 'patrol')
    return patrolLayers(true).map(forTheWall)
  return waterLayers(true).map(forTheWall)
}

/** Whether a scene without its own camera frames the overlay's features rather than the region. */
export function framesOverlay(layer: WallOverlayLayer): boolean {
  return layer === 'patrol' || layer === 'blindspots'
}

/** Hex cells go under the region outlines (borders stay readable); zones and lines go on top. */
export function overlayBefore(layer: WallOverlayLayer): string | undefined {
  return layer === 'gistar' || layer === 'blindspots' ? 'regions-outline' : undefined
}
