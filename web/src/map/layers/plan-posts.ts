import type { SymbolLayerSpecification } from 'maplibre-gl'
import type { Visibility } from './plan-source.ts'
import { PLAN_POSTS_SOURCE } from './plan-source.ts'

/**
 * Each post as its badge image (pick order and marginal gain drawn on it, plan-badges.ts): the app
 * loads no glyphs (it runs offline), so the numbers are pictures, not text. Always drawn, even
 * where badges overlap.
 */
export function planPosts(visibility: Visibility): SymbolLayerSpecification {
  return {
    id: 'plan-posts',
    type: 'symbol',
    source: PLAN_POSTS_SOURCE,
    layout: {
      'visibility': visibility,
      'icon-image': ['get', 'badge'],
      'icon-anchor': 'bottom',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['-', 100, ['get', 'rank']],
    },
  }
}
