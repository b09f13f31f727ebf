import type { LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './plan-source.ts'
import { PLAN_COLORS, PLAN_ROUTE_SOURCE } from './plan-source.ts'

/** A dark casing under the route, so the line reads over the choropleth and the heatmap. */
export function planRouteCasing(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'plan-route-casing',
    type: 'line',
    source: PLAN_ROUTE_SOURCE,
    layout: { 'visibility': visibility, 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': '#0b1220', 'line-width': 7, 'line-opacity': 0.8 },
  }
}

/** The patrol route through the posts in visiting order, dashed like a path still to be walked. */
export function planRoute(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'plan-route',
    type: 'line',
    source: PLAN_ROUTE_SOURCE,
    layout: { 'visibility': visibility, 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': PLAN_COLORS.route, 'line-width': 3.5, 'line-dasharray': [2, 1.2] },
  }
}
