import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import type { LayerToggles } from '../../logic/map-layer-toggles.ts'
import { eventsClusters } from './events-clusters.ts'
import { eventsHeatmap } from './events-heatmap.ts'
import { eventsPoints } from './events-points.ts'
import { hexbinsFill, hexbinsOutline } from './hexbins-fill.ts'

export interface EventLayerInputs {
  toggles: LayerToggles
  hexFillColor: ExpressionSpecification | string
  heatIntensity: number
}

/** Ids of the layers a click on an event can land on, topmost first. */
export const EVENT_CLICK_LAYERS = ['events-points', 'events-clusters'] as const

/**
 * The event layers, bottom to top, always all of them: switching one off sets its visibility, so
 * the reconciler never removes or re-adds a layer and the stacking order stays put.
 */
export function eventLayers({ toggles, hexFillColor, heatIntensity }: EventLayerInputs): LayerSpecification[] {
  return [
    hexbinsFill(toggles.hexbins, hexFillColor),
    hexbinsOutline(toggles.hexbins),
    eventsHeatmap(toggles.heatmap, heatIntensity),
    eventsClusters(toggles.points),
    eventsPoints(toggles.points),
  ]
}
