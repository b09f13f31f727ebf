import type { LayerSpecification } from 'maplibre-gl'
import type { HotspotLayer } from '../../logic/gistar-state.ts'
import { EMERGING_FILL, emergingFill, emergingOutline } from './emerging-cells.ts'
import { GISTAR_FILL, gistarFill, gistarOutline } from './gistar-cells.ts'

/** The fill layers a click on a hot spot cell can land on. */
export const HOTSPOT_CLICK_LAYERS = [GISTAR_FILL, EMERGING_FILL] as const

/**
 * The hot spot layers, always all four (switching sets visibility), drawn just above the
 * choropleth fill and below the region outlines, so borders and labels stay readable.
 */
export function hotspotLayers(on: HotspotLayer | null): LayerSpecification[] {
  return [
    gistarFill(on === 'gistar'),
    gistarOutline(on === 'gistar'),
    emergingFill(on === 'emerging'),
    emergingOutline(on === 'emerging'),
  ]
}

/** The layer the hot spot layers are inserted below (map/layers/regions-outline.ts). */
export const HOTSPOT_BEFORE_LAYER = 'regions-outline'
