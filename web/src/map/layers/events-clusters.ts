import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl'
import { EVENTS_MIN_ZOOM, EVENTS_SOURCE, EVENTS_SOURCE_LAYER, isCluster, visibility } from './events-source.ts'

/**
 * Circle radius (px) at these counts, by square root so that area follows the count. The server
 * aggregates into 16 px cells, so the largest circles only just touch their neighbours.
 */
export const CLUSTER_RADII: readonly (readonly [number, number])[] = [[1, 2.5], [10, 4], [100, 6.5], [1000, 9.5]]

/**
 * Aggregated events at low zoom: one circle per server-side cell, sized by its `count`. No count
 * labels: labels need glyphs, and the app loads none (it runs offline).
 */
export function eventsClusters(on: boolean): CircleLayerSpecification {
  const stops = CLUSTER_RADII.flatMap(([count, radius]) => [Math.sqrt(count), radius])
  return {
    'id': 'events-clusters',
    'type': 'circle',
    'source': EVENTS_SOURCE,
    'source-layer': EVENTS_SOURCE_LAYER,
    'minzoom': EVENTS_MIN_ZOOM,
    'filter': isCluster,
    'layout': { visibility: visibility(on) },
    'paint': {
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['to-number', ['get', 'count']]], ...stops] as ExpressionSpecification,
      // A dark rim keeps the cyan legible on the choropleth's pale top classes too.
      'circle-color': 'rgba(70, 210, 255, 0.5)',
      'circle-stroke-color': 'rgba(14, 19, 32, 0.85)',
      'circle-stroke-width': 1,
    },
  }
}
