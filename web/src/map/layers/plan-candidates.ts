import type { CircleLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './plan-source.ts'
import { PLAN_CANDIDATES_SOURCE, PLAN_COLORS } from './plan-source.ts'

/** Candidate cell centres that would cover something on their own, larger for a larger first-round gain. */
export function planCandidates(visibility: Visibility): CircleLayerSpecification {
  return {
    id: 'plan-candidates',
    type: 'circle',
    source: PLAN_CANDIDATES_SOURCE,
    layout: { visibility },
    paint: {
      'circle-color': PLAN_COLORS.candidate,
      'circle-opacity': 0.55,
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'gain']], 1, 2.5, 8, 8],
      'circle-stroke-color': '#0b1220',
      'circle-stroke-width': 0.5,
    },
  }
}
