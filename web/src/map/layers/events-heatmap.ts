import type { HeatmapLayerSpecification } from 'maplibre-gl'
import { HEAT_RADIUS_PX } from '../../logic/heatmap-scale.ts'
import { EVENTS_MIN_ZOOM, EVENTS_SOURCE, EVENTS_SOURCE_LAYER, visibility } from './events-source.ts'

/**
 * Event density. Each feature weighs its `count` (aggregates) or 1 (single events), so the
 * picture does not jump where the server switches from counts to points. The intensity is
 * fitted to the events on screen (logic/heatmap-scale.ts): the ramp shows relative density.
 */
export function eventsHeatmap(on: boolean, intensity: number): HeatmapLayerSpecification {
  return {
    'id': 'events-heatmap',
    'type': 'heatmap',
    'source': EVENTS_SOURCE,
    'source-layer': EVENTS_SOURCE_LAYER,
    'minzoom': EVENTS_MIN_ZOOM,
    'layout': { visibility: visibility(on) },
    'paint': {
      'heatmap-weight': ['to-number', ['coalesce', ['get', 'count'], 1]],
      'heatmap-intensity': intensity,
      'heatmap-radius': HEAT_RADIUS_PX,
      'heatmap-opacity': 0.85,
      'heatmap-color': [
        'interpolate',
        ['linear'],
        ['heatmap-density'],
        0,
        'rgba(0, 0, 0, 0)',
        0.1,
        'rgba(40, 120, 255, 0.35)',
        0.35,
        'rgba(56, 225, 255, 0.7)',
        0.6,
        '#9dff8a',
        0.85,
        '#ffe45c',
        1,
        '#ffffff',
      ],
    },
  }
}
