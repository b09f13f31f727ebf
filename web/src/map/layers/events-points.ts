import type { CircleLayerSpecification } from 'maplibre-gl'
import { categoryColorExpression } from '../../logic/event-colors.ts'
import { EVENTS_MIN_ZOOM, EVENTS_SOURCE, EVENTS_SOURCE_LAYER, isCluster, visibility } from './events-source.ts'

const selected: ['boolean', ['feature-state', string], boolean] = ['boolean', ['feature-state', 'selected'], false]

/** Single events, coloured by indicator category; the selected one is ringed (feature-state). */
export function eventsPoints(on: boolean): CircleLayerSpecification {
  return {
    'id': 'events-points',
    'type': 'circle',
    'source': EVENTS_SOURCE,
    'source-layer': EVENTS_SOURCE_LAYER,
    'minzoom': EVENTS_MIN_ZOOM,
    'filter': ['!', isCluster],
    'layout': { visibility: visibility(on) },
    'paint': {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 16, 6.5],
      'circle-color': categoryColorExpression(),
      'circle-stroke-color': ['case', selected, '#ffffff', '#0e1320'],
      'circle-stroke-width': ['case', selected, 3, 1],
    },
  }
}
