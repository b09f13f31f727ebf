import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl'

export const BLIND_SPOTS_SOURCE = 'blind-spots'

/** Light to dark red: more events outside 5-minute reach is darker. */
export const BLIND_SPOT_COLORS = ['#fdd49e', '#fc8d59', '#e34a33', '#b30000'] as const

/**
 * Lower bounds of the four colour classes for cells whose uncovered counts reach `max`: the first
 * class starts at `min` (the server's threshold), the others at a quarter, half and three quarters
 * of the way from `min` to `max`, rounded up and kept strictly increasing.
 */
export function blindSpotBreaks(min: number, max: number): number[] {
  const breaks = [min]
  for (const f of [0.25, 0.5, 0.75]) {
    const b = Math.max(Math.ceil(min + (max - min) * f), breaks.at(-1)! + 1)
    breaks.push(b)
  }
  return breaks
}

function colorBy(breaks: number[]): ExpressionSpecification {
  return ['step', ['get', 'uncovered'], BLIND_SPOT_COLORS[0], breaks[1]!, BLIND_SPOT_COLORS[1], breaks[2]!, BLIND_SPOT_COLORS[2], breaks[3]!, BLIND_SPOT_COLORS[3]]
}

export function blindSpotsFill(visible: boolean, breaks: number[]): FillLayerSpecification {
  return {
    id: 'blind-spots-fill',
    type: 'fill',
    source: BLIND_SPOTS_SOURCE,
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: { 'fill-color': colorBy(breaks), 'fill-opacity': 0.7 },
  }
}

/** A dark outline, thicker for the cell chosen in the list. */
export function blindSpotsOutline(visible: boolean, focused: string | null): LineLayerSpecification {
  return {
    id: 'blind-spots-outline',
    type: 'line',
    source: BLIND_SPOTS_SOURCE,
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: { 'line-color': '#3b0000', 'line-width': ['case', ['==', ['get', 'id'], focused ?? ''], 3, 0.8] },
  }
}
