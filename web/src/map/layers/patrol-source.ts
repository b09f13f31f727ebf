import type { ExpressionSpecification } from 'maplibre-gl'
import { PATROL_COLORS, PATROL_TYPES } from '../../logic/patrol-types.ts'

/** Patrol zones and routes as GeoJSON; `promoteId: 'id'` keys selection feature-state by zone id. */
export const PATROL_SOURCE = 'patrol-zones'
export const PATROL_ID_PROPERTY = 'id'

/** Colour by zone type. */
export const typeColor: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...PATROL_TYPES.flatMap(t => [t, PATROL_COLORS[t]]),
  '#9aa8bf',
] as unknown as ExpressionSpecification

export const isArea: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon']
export const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString']
export const isDrone: ExpressionSpecification = ['==', ['get', 'type'], 'drone_night_route']
export const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false]

export type Visibility = 'visible' | 'none'
