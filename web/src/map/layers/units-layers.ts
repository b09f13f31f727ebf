import type { LayerSpecification } from 'maplibre-gl'
import { reachFill, reachOutline } from './reach-areas.ts'
import { unitsPoints } from './units-points.ts'

/** Response-unit layers, bottom to top: the selected unit's reach, then the units. */
export function unitsLayers(units: boolean, reach: boolean): LayerSpecification[] {
  const v = (on: boolean) => on ? 'visible' : 'none'
  return [reachFill(v(reach)), reachOutline(v(reach)), unitsPoints(v(units))]
}

/** The layers a click can pick a unit from. */
export const UNITS_CLICK_LAYERS = ['units-points'] as const
