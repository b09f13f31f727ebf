import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import { giFillColor, giFillOpacity } from '../../logic/gistar-classes.ts'

/** Gi* cells for the view, a GeoJSON source fed from `/api/hotspots/gistar` (promoteId `id`). */
export const GISTAR_SOURCE = 'gistar'
export const GISTAR_FILL = 'gistar-fill'

const visibility = (on: boolean) => on ? 'visible' as const : 'none' as const

/** Every hexagon of the study region, coloured by its Gi* confidence bin. */
export function gistarFill(on: boolean): FillLayerSpecification {
  return {
    id: GISTAR_FILL,
    type: 'fill',
    source: GISTAR_SOURCE,
    layout: { visibility: visibility(on) },
    paint: { 'fill-color': giFillColor(), 'fill-opacity': giFillOpacity() },
  }
}

/** Cell edges, faint; the clicked cell (feature-state `selected`) drawn bright and thick. */
export function gistarOutline(on: boolean): LineLayerSpecification {
  return {
    id: 'gistar-outline',
    type: 'line',
    source: GISTAR_SOURCE,
    layout: { visibility: visibility(on) },
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#ffffff', 'rgba(14, 19, 32, 0.55)'],
      'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, ['interpolate', ['linear'], ['zoom'], 9, 0, 12, 0.6]],
    },
  }
}
