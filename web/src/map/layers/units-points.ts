import type { CircleLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './units-source.ts'
import { isSelectedUnit, UNITS_SOURCE, unitTypeColor } from './units-source.ts'

/** Units as type-coloured dots with a dark core ring and a light rim, larger when selected. */
export function unitsPoints(visibility: Visibility): CircleLayerSpecification {
  return {
    id: 'units-points',
    type: 'circle',
    source: UNITS_SOURCE,
    layout: { visibility },
    paint: {
      'circle-color': unitTypeColor,
      // A zoom input must be the top-level interpolate, so the selection case goes inside it.
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, ['case', isSelectedUnit, 7, 4], 14, ['case', isSelectedUnit, 10, 7]],
      'circle-stroke-color': ['case', isSelectedUnit, '#ffffff', '#0b1220'],
      'circle-stroke-width': ['case', isSelectedUnit, 3, 1.5],
    },
  }
}
