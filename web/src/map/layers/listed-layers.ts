import type { LayerSpecification } from 'maplibre-gl'
import { listedFill, listedOutline, listedOverdueOutline } from './listed-areas.ts'
import { listedOverduePoints, listedPoints } from './listed-points.ts'

/** Listed-hotspot layers, bottom to top, added above the thematic layers. */
export function listedLayers(visible: boolean): LayerSpecification[] {
  const v = visible ? 'visible' : 'none'
  return [listedFill(v), listedOutline(v), listedOverdueOutline(v), listedOverduePoints(v), listedPoints(v)]
}

/** The layers a click can pick a hotspot from. */
export const LISTED_CLICK_LAYERS = ['listed-points', 'listed-fill'] as const
