import type { ExpressionSpecification } from 'maplibre-gl'
import { ASSET_TYPES, DANGER_LEVELS } from '../../logic/water-form.ts'

/** GeoJSON sources of the drowning-prevention layers. */
export const WATER_SOURCES = { zones: 'water-zones', assets: 'water-assets', routes: 'water-routes', shore: 'water-shore' } as const

/** Water in a blue ramp, deeper for more danger: apart from the choropleth's warm colours. */
export const DANGER_COLORS: Record<(typeof DANGER_LEVELS)[number], string> = { 1: '#80deea', 2: '#29b6f6', 3: '#2979ff' }
export const ASSET_COLORS: Record<(typeof ASSET_TYPES)[number], string> = {
  guard_post: '#00e676',
  rescue_equipment: '#ffeb3b',
  warning_sign: '#ff9100',
  fence: '#b0bec5',
}
export const SHORE_COLORS = { covered: '#2ecc71', uncovered: '#ff1744' } as const
export const ROUTE_COLOR = '#f5f5f5'

export const dangerColor: ExpressionSpecification = [
  'match',
  ['get', 'danger'],
  ...DANGER_LEVELS.flatMap(d => [d, DANGER_COLORS[d]]),
  '#9aa8bf',
] as unknown as ExpressionSpecification

export const assetColor: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...ASSET_TYPES.flatMap(t => [t, ASSET_COLORS[t]]),
  '#9aa8bf',
] as unknown as ExpressionSpecification

export const isApproximate: ExpressionSpecification = ['==', ['get', 'approximate'], true]

export type Visibility = 'visible' | 'none'
