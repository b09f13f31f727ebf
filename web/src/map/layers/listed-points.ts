import type { CircleLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './listed-source.ts'
import { OVERDUE_COLOR } from '../../logic/listed-lifecycle.ts'
import { isOverdue, isPoint, isSelected, LISTED_SOURCE, statusColor } from './listed-source.ts'

/** Points as status-coloured circles with a light rim, larger when selected. */
export function listedPoints(visibility: Visibility): CircleLayerSpecification {
  return {
    id: 'listed-points',
    type: 'circle',
    source: LISTED_SOURCE,
    filter: isPoint,
    layout: { visibility },
    paint: {
      'circle-color': statusColor,
      'circle-radius': ['case', isSelected, 9, 7],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['case', isSelected, 2.5, 1.5],
    },
  }
}

/** A red ring around overdue points. */
export function listedOverduePoints(visibility: Visibility): CircleLayerSpecification {
  return {
    id: 'listed-points-overdue',
    type: 'circle',
    source: LISTED_SOURCE,
    filter: ['all', isPoint, isOverdue],
    layout: { visibility },
    paint: {
      'circle-color': 'rgba(0,0,0,0)',
      'circle-radius': 13,
      'circle-stroke-color': OVERDUE_COLOR,
      'circle-stroke-width': 3,
    },
  }
}
