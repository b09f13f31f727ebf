import type { ExpressionSpecification, LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './patrol-source.ts'
import { isDrone, isLine, isSelected, PATROL_SOURCE, typeColor } from './patrol-source.ts'

const width: ExpressionSpecification = ['case', isSelected, 5, 3]

/** Routes on the ground, solid in their type colour. */
export function patrolRoutes(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'patrol-routes',
    type: 'line',
    source: PATROL_SOURCE,
    filter: ['all', isLine, ['!', isDrone]],
    layout: { 'visibility': visibility, 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': typeColor, 'line-width': width },
  }
}

/** Drone night routes dashed (dashes cannot be data-driven, hence a layer of their own). */
export function patrolDroneRoutes(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'patrol-drone-routes',
    type: 'line',
    source: PATROL_SOURCE,
    filter: ['all', isLine, isDrone],
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': typeColor, 'line-width': width, 'line-dasharray': [2, 1.5] },
  }
}
