import type { FillLayerSpecification } from 'maplibre-gl'
import { CONTEXT_SOURCE } from '../sources.ts'

/** A faint fill for neighbouring districts, clickable to jump across. */
export function contextFill(parent: string | null): FillLayerSpecification {
  return {
    id: 'context-fill',
    type: 'fill',
    source: CONTEXT_SOURCE,
    filter: ['!=', ['get', 'code'], parent ?? ''],
    paint: { 'fill-color': '#1f2735', 'fill-opacity': 0.6 },
  }
}
