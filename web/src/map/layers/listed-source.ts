import type { ExpressionSpecification } from 'maplibre-gl'
import { LISTED_STATUSES, STATUS_COLORS } from '../../logic/listed-lifecycle.ts'

/** Listed hotspots (挂牌整治) as GeoJSON; `promoteId: 'id'` keys selection feature-state by hotspot id. */
export const LISTED_SOURCE = 'listed-hotspots'
export const LISTED_ID_PROPERTY = 'id'

/** Fill or stroke colour by lifecycle status. */
export const statusColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ...LISTED_STATUSES.flatMap(s => [s, STATUS_COLORS[s]]),
  '#9aa8bf',
] as unknown as ExpressionSpecification

export const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]]
export const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point']
export const isOverdue: ExpressionSpecification = ['to-boolean', ['get', 'overdue']]
export const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false]

export type Visibility = 'visible' | 'none'
