import type { ExpressionSpecification } from 'maplibre-gl'

/** Supervision listings (挂牌督办) as GeoJSON region outlines; `promoteId: 'id'` keys selection by listing id. */
export const SUPERVISION_SOURCE = 'supervision'
export const SUPERVISION_ID_PROPERTY = 'id'
/** The hatch image that fills overdue (约谈) regions, added by use-supervision-layers. */
export const SUPERVISION_HATCH = 'supervision-hatch'

export const SUPERVISION_COLOR = '#ff9f1a'
export const SUMMONS_COLOR = '#ff2d55'

export const isSummons: ExpressionSpecification = ['to-boolean', ['get', 'summons']]
export const isListed: ExpressionSpecification = ['==', ['get', 'status'], 'listed']
export const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false]

export type Visibility = 'visible' | 'none'

/** A 16 × 16 RGBA tile of red diagonal stripes on transparent, for the overdue fill pattern. */
export function hatchImage(size = 16): { width: number, height: number, data: Uint8Array } {
  const data = new Uint8Array(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = (x + y) % size
      if (d < 3) {
        const i = (y * size + x) * 4
        data.set([255, 45, 85, 200], i)
      }
    }
  }
  return { width: size, height: size, data }
}
