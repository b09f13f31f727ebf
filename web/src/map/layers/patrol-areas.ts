import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './patrol-source.ts'
import { isArea, isSelected, PATROL_SOURCE, typeColor } from './patrol-source.ts'

/** Patrol areas, tinted by type. */
export function patrolFill(visibility: Visibility): FillLayerSpecification {
  return {
    id: 'patrol-fill',
    type: 'fill',
    source: PATROL_SOURCE,
    filter: isArea,
    layout: { visibility },
    paint: { 'fill-color': typeColor, 'fill-opacity': ['case', isSelected, 0.4, 0.2] },
  }
}

/** The area's border in its type colour; thicker when selected. */
export function patrolOutline(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'patrol-outline',
    type: 'line',
    source: PATROL_SOURCE,
    filter: isArea,
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': typeColor, 'line-width': ['case', isSelected, 3.5, 1.8] },
  }
}
