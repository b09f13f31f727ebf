import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './supervision-source.ts'
import { isListed, isSelected, isSummons, SUMMONS_COLOR, SUPERVISION_COLOR, SUPERVISION_HATCH, SUPERVISION_SOURCE } from './supervision-source.ts'

/** A faint tint over every listed region, so that a click inside it can open the listing. */
export function supervisionFill(visibility: Visibility): FillLayerSpecification {
  return {
    id: 'supervision-fill',
    type: 'fill',
    source: SUPERVISION_SOURCE,
    filter: isListed,
    layout: { visibility },
    paint: { 'fill-color': SUPERVISION_COLOR, 'fill-opacity': ['case', isSelected, 0.22, 0.08] },
  }
}

/** Overdue (约谈) regions hatched in red. */
export function supervisionHatch(visibility: Visibility): FillLayerSpecification {
  return {
    id: 'supervision-hatch',
    type: 'fill',
    source: SUPERVISION_SOURCE,
    filter: ['all', isListed, isSummons],
    layout: { visibility },
    paint: { 'fill-pattern': SUPERVISION_HATCH, 'fill-opacity': 0.6 },
  }
}

/** The listed region's border: orange, red when overdue, thicker when selected. */
export function supervisionOutline(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'supervision-outline',
    type: 'line',
    source: SUPERVISION_SOURCE,
    filter: isListed,
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: {
      'line-color': ['case', isSummons, SUMMONS_COLOR, SUPERVISION_COLOR],
      'line-width': ['case', isSelected, 5, 3],
    },
  }
}
