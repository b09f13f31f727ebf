import type { ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl'
import { REGIONS_SOURCE } from '../sources.ts'

/** Choropleth fill; the colour expression comes from the current class breaks. */
export function regionsFill(fillColor: ExpressionSpecification | string): FillLayerSpecification {
  return {
    id: 'regions-fill',
    type: 'fill',
    source: REGIONS_SOURCE,
    paint: {
      'fill-color': fillColor,
      'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.95, 0.8],
    },
  }
}
