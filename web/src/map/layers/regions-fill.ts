import type { ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl'
import { REGIONS_SOURCE } from '../sources.ts'

/**
 * Choropleth fill; the colour expression comes from the current class breaks. Switched off, it
 * is made transparent rather than hidden, so hover and the drill-down click keep working.
 */
export function regionsFill(fillColor: ExpressionSpecification | string, shown = true): FillLayerSpecification {
  return {
    id: 'regions-fill',
    type: 'fill',
    source: REGIONS_SOURCE,
    paint: {
      'fill-color': fillColor,
      'fill-opacity': shown ? ['case', ['boolean', ['feature-state', 'hover'], false], 0.95, 0.8] : 0,
    },
  }
}
