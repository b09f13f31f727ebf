import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import { EVENTS_MIN_ZOOM, HEXBINS_SOURCE, visibility } from './events-source.ts'

/** Hex cells with at least one event, coloured by count class (logic/hex-classes.ts). */
export function hexbinsFill(on: boolean, fillColor: ExpressionSpecification | string): FillLayerSpecification {
  return {
    id: 'hexbins-fill',
    type: 'fill',
    source: HEXBINS_SOURCE,
    minzoom: EVENTS_MIN_ZOOM,
    layout: { visibility: visibility(on) },
    paint: { 'fill-color': fillColor, 'fill-opacity': 0.82 },
  }
}

/** A hairline between cells, so neighbouring cells of one class still read as cells. */
export function hexbinsOutline(on: boolean): LineLayerSpecification {
  return {
    id: 'hexbins-outline',
    type: 'line',
    source: HEXBINS_SOURCE,
    minzoom: EVENTS_MIN_ZOOM + 2,
    layout: { visibility: visibility(on) },
    paint: { 'line-color': 'rgba(14, 19, 32, 0.7)', 'line-width': 0.6 },
  }
}
