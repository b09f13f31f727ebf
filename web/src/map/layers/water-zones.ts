import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './water-source.ts'
import { dangerColor, isApproximate, WATER_SOURCES } from './water-source.ts'

/** Water zones tinted by danger level. */
export function waterZonesFill(visibility: Visibility): FillLayerSpecification {
  return {
    id: 'water-zones-fill',
    type: 'fill',
    source: WATER_SOURCES.zones,
    layout: { visibility },
    paint: { 'fill-color': dangerColor, 'fill-opacity': 0.38 },
  }
}

/** Surveyed (or drawn) zones: a solid border. */
export function waterZonesOutline(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'water-zones-outline',
    type: 'line',
    source: WATER_SOURCES.zones,
    filter: ['!', isApproximate],
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': dangerColor, 'line-width': ['match', ['get', 'danger'], 3, 2.5, 1.5] },
  }
}

/** Approximate zones (the demo's Yangtze channel): dashed, so nobody takes the edge for a survey. */
export function waterZonesApproximate(visibility: Visibility): LineLayerSpecification {
  return {
    id: 'water-zones-approximate',
    type: 'line',
    source: WATER_SOURCES.zones,
    filter: isApproximate,
    layout: { 'visibility': visibility, 'line-join': 'round' },
    paint: { 'line-color': dangerColor, 'line-width': 2, 'line-dasharray': [3, 2] },
  }
}
