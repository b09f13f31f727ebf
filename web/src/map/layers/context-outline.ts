import type { LineLayerSpecification } from 'maplibre-gl'
import { CONTEXT_SOURCE } from '../sources.ts'

/** Neighbouring districts when drilled into one; the drilled-in parent is drawn stronger. */
export function contextOutline(parent: string | null): LineLayerSpecification {
  const isParent: ['==', ['get', string], string] = ['==', ['get', 'code'], parent ?? '']
  return {
    id: 'context-outline',
    type: 'line',
    source: CONTEXT_SOURCE,
    paint: {
      'line-color': ['case', isParent, '#9fb3d1', '#55627a'],
      'line-width': ['case', isParent, 2.5, 1],
    },
  }
}
