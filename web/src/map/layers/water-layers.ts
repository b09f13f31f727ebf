import type { LayerSpecification } from 'maplibre-gl'
import { waterAssets, waterRoutes, waterShore } from './water-lines.ts'
import { waterZonesApproximate, waterZonesFill, waterZonesOutline } from './water-zones.ts'

/** Drowning-prevention layers, bottom to top. */
export function waterLayers(visible: boolean): LayerSpecification[] {
  const v = visible ? 'visible' : 'none'
  return [waterZonesFill(v), waterZonesOutline(v), waterZonesApproximate(v), waterShore(v, 'covered'), waterShore(v, 'uncovered'), waterRoutes(v), waterAssets(v)]
}
