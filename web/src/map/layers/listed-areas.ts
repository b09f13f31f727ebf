import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './listed-source.ts'
import { OVERDUE_COLOR } from '../../logic/listed-lifecycle.ts'
import { isOverdue, isPolygon, isSelected, LISTED_SOURCE, statusColor } from './listed-source.ts'

/** Drawn areas, tinted by status. */
export function listedFill(visibility: Visibility): FillLayerSpecification {
  return {
    id: 'listed-fill',
    type: 'fill',
    source: LISTED_SOURCE,
    filter: isPolygon,
    layout: { visibility },
    paint: { 'fill-color': statusColor, 'fill-opacity': ['case', isSelected, 0.45, 0.28] },
  }
}

/** The area's border in its status colour; thicker when selected. */
export function listedOutline(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'listed-outline',
    type: 'line',
    source: LISTED_SOURCE,
    filter: isPolygon,
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': statusColor, 'line-width': ['case', isSelected, 4, 2] },
  }
}

/** Overdue areas get a red dashed ring outside their border (dashes cannot be data-driven, hence a layer). */
export function listedOverdueOutline(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'listed-overdue-outline',
    type: 'line',
    source: LISTED_SOURCE,
    filter: ['all', isPolygon, isOverdue],
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': OVERDUE_COLOR, 'line-width': 2.5, 'line-offset': -4, 'line-dasharray': [2, 1.5] },
  }
}
