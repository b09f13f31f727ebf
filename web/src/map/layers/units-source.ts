import type { ExpressionSpecification } from 'maplibre-gl'
import { UNIT_TYPE_COLORS, UNIT_TYPES } from '../../logic/units-types.ts'

/** Response units as GeoJSON; `promoteId: 'id'` keys the selection feature-state by unit id. */
export const UNITS_SOURCE = 'response-units'
export const UNITS_ID_PROPERTY = 'id'
/** The selected unit's 1/3/5-minute reach polygons. */
export const REACH_SOURCE = 'unit-reach'

export const unitTypeColor: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...UNIT_TYPES.flatMap(t => [t, UNIT_TYPE_COLORS[t]]),
  '#9aa8bf',
] as unknown as ExpressionSpecification

export const isSelectedUnit: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false]

export type Visibility = 'visible' | 'none'
