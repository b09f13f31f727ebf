import type { LayerSpecification } from 'maplibre-gl'
import { patrolFill, patrolOutline } from './patrol-areas.ts'
import { patrolDroneRoutes, patrolRoutes } from './patrol-lines.ts'

/** Patrol layers, bottom to top. */
export function patrolLayers(visible: boolean): LayerSpecification[] {
  const v = visible ? 'visible' : 'none'
  return [patrolFill(v), patrolOutline(v), patrolRoutes(v), patrolDroneRoutes(v)]
}

/** The layers a click can pick a zone from. */
export const PATROL_CLICK_LAYERS = ['patrol-routes', 'patrol-drone-routes', 'patrol-fill'] as const
