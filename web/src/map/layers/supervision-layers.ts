import type { LayerSpecification } from 'maplibre-gl'
import { supervisionFill, supervisionHatch, supervisionOutline } from './supervision-areas.ts'

/** Supervision-listing layers, bottom to top. */
export function supervisionLayers(visible: boolean): LayerSpecification[] {
  const v = visible ? 'visible' : 'none'
  return [supervisionFill(v), supervisionHatch(v), supervisionOutline(v)]
}

/** The layers a click can open a listing from (while the supervision panel is open). */
export const SUPERVISION_CLICK_LAYERS = ['supervision-fill'] as const
