import type { LineLayerSpecification } from 'maplibre-gl'

/** The compared regions' boundaries, each feature carrying its tray slot and colour. */
export const COMPARE_SOURCE = 'compare-regions'

/** A dark casing under the coloured line, so that every tray colour reads on every fill. */
export const compareCasing: LineLayerSpecification = {
  id: 'compare-casing',
  type: 'line',
  source: COMPARE_SOURCE,
  layout: { 'line-join': 'round' },
  paint: { 'line-color': 'rgba(5,10,20,0.85)', 'line-width': 6.5 },
}

/** Each compared region outlined in its tray colour, drawn inside the border so neighbours stay apart. */
export const compareOutline: LineLayerSpecification = {
  id: 'compare-outline',
  type: 'line',
  source: COMPARE_SOURCE,
  layout: { 'line-join': 'round' },
  paint: { 'line-color': ['get', 'color'], 'line-width': 3.5, 'line-offset': 1.5 },
}

export const compareLayers = [compareCasing, compareOutline]
