import type { CircleLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './water-source.ts'
import { assetColor, ROUTE_COLOR, SHORE_COLORS, WATER_SOURCES } from './water-source.ts'

/** The shoreline within 3 minutes of a guard post or rescue point (green), and the rest (bright red). */
export function waterShore(visibility: Visibility, part: 'covered' | 'uncovered'): LineLayerSpecification {
  return {
    id: `water-shore-${part}`,
    type: 'line',
    source: WATER_SOURCES.shore,
    filter: ['==', ['get', 'part'], part],
    layout: { 'visibility': visibility, 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': SHORE_COLORS[part], 'line-width': part === 'uncovered' ? 4 : 3.5 },
  }
}

/** Drone inspection routes. */
export function waterRoutes(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'water-routes',
    type: 'line',
    source: WATER_SOURCES.routes,
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': ROUTE_COLOR, 'line-width': 2.5, 'line-dasharray': [1, 1] },
  }
}

/** Assets as circles coloured by type. */
export function waterAssets(visibility: Visibility): CircleLayerSpecification {
  return {
    id: 'water-assets',
    type: 'circle',
    source: WATER_SOURCES.assets,
    layout: { visibility },
    paint: { 'circle-color': assetColor, 'circle-radius': 6, 'circle-stroke-color': '#0b1220', 'circle-stroke-width': 1.5 },
  }
}
