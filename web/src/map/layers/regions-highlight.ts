import type { LineLayerSpecification } from 'maplibre-gl'
import { REGIONS_SOURCE } from '../sources.ts'

const selected: ['boolean', ['feature-state', string], boolean] = ['boolean', ['feature-state', 'selected'], false]
const hover: ['boolean', ['feature-state', string], boolean] = ['boolean', ['feature-state', 'hover'], false]

/** Hover and selection drawn from feature-state, so moving the pointer never re-filters. */
export const regionsHighlight: LineLayerSpecification = {
  id: 'regions-highlight',
  type: 'line',
  source: REGIONS_SOURCE,
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': ['case', selected, '#38e1ff', hover, '#ffffff', 'rgba(0,0,0,0)'],
    'line-width': ['case', selected, 3.5, hover, 2, 0],
  },
}
