import type { LayerSpecification } from 'maplibre-gl'
import { planCandidates } from './plan-candidates.ts'
import { planPosts } from './plan-posts.ts'
import { planRoute, planRouteCasing } from './plan-route.ts'

/** Plan layers, bottom to top: candidates, the route (casing, line), then the numbered posts. */
export function planLayers(shown: boolean, candidates: boolean): LayerSpecification[] {
  const v = (on: boolean) => on ? 'visible' : 'none'
  return [planCandidates(v(shown && candidates)), planRouteCasing(v(shown)), planRoute(v(shown)), planPosts(v(shown))]
}
