import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './units-source.ts'
import { REACH_COLORS } from '../../logic/units-reach.ts'
import { REACH_SOURCE } from './units-source.ts'

const reachColor: ExpressionSpecification = ['match', ['get', 'minutes'], 1, REACH_COLORS[1], 3, REACH_COLORS[3], REACH_COLORS[5]]

/** The 1/3/5-minute areas, nested; the sort key keeps the smaller (1 minute) on top whatever the order. */
export function reachFill(visibility: Visibility): FillLayerSpecification {
  return {
    id: 'reach-fill',
    type: 'fill',
    source: REACH_SOURCE,
    layout: { 'visibility': visibility, 'fill-sort-key': ['-', 10, ['to-number', ['get', 'minutes']]] },
    paint: { 'fill-color': reachColor, 'fill-opacity': ['match', ['get', 'minutes'], 1, 0.45, 3, 0.3, 0.16] },
  }
}

/** Each area's border in its colour, so the nested rings read even where fills blend. */
export function reachOutline(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'reach-outline',
    type: 'line',
    source: REACH_SOURCE,
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': reachColor, 'line-width': ['match', ['get', 'minutes'], 5, 2, 2.5], 'line-dasharray': [3, 1.5] },
  }
}
