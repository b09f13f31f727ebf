import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import { emergingFillColor, emergingFillOpacity } from '../../logic/emerging-categories.ts'

/** Emerging hot spot cells, a GeoJSON source fed from `/api/hotspots/emerging` (promoteId `id`). */
export const EMERGING_SOURCE = 'emerging'
export const EMERGING_FILL = 'emerging-fill'

const visibility = (on: boolean) => on ? 'visible' as const : 'none' as const

/** Every hexagon of the study region, coloured by its emerging hot spot category. */
export function emergingFill(on: boolean): FillLayerSpecification {
  return {
    id: EMERGING_FILL,
    type: 'fill',
    source: EMERGING_SOURCE,
    layout: { visibility: visibility(on) },
    paint: { 'fill-color': emergingFillColor(), 'fill-opacity': emergingFillOpacity() },
  }
}

/** Cell edges, faint; the clicked cell drawn bright and thick. */
export function emergingOutline(on: boolean): LineLayerSpecification {
  return {
    id: 'emerging-outline',
    type: 'line',
    source: EMERGING_SOURCE,
    layout: { visibility: visibility(on) },
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#ffffff', 'rgba(14, 19, 32, 0.55)'],
      'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, ['interpolate', ['linear'], ['zoom'], 9, 0, 12, 0.6]],
    },
  }
}
