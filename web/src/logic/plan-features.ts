import type { FeatureCollection, LineString, Point } from 'geojson'
import type { ViewState } from './url-state.ts'

/** The least a post needs to be drawn: where it is, its pick order and its marginal gain. */
export interface PostLike { rank: number, lon: number, lat: number, gain: number }
export interface CandidateLike { cell: string, lon: number, lat: number, gain: number }
export interface RouteLike { line: { geometry: { coordinates: number[][] } } }

/** The map image that numbers a post: its rank and its gain (both are drawn on the badge). */
export function badgeId(rank: number, gain: number): string {
  return `plan-badge-${rank}-${gain}`
}

/** Posts as points, each carrying its rank, its gain and the badge image that shows both. */
export function postFeatures(posts: readonly PostLike[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: posts.map(p => ({
      type: 'Feature',
      id: p.rank,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { rank: p.rank, gain: p.gain, badge: badgeId(p.rank, p.gain) },
    })),
  }
}

/** The route through the posts as one line, or nothing (fewer than two posts). */
export function routeFeatures(route: RouteLike | null | undefined): FeatureCollection<LineString> {
  const coordinates = route?.line.geometry.coordinates ?? []
  return {
    type: 'FeatureCollection',
    features: coordinates.length >= 2 ? [{ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} }] : [],
  }
}

/** The candidate cell centres that would cover something on their own, with that first-round gain. */
export function candidateFeatures(candidates: readonly CandidateLike[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: candidates.filter(c => c.gain > 0).map(c => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: { cell: c.cell, gain: c.gain },
    })),
  }
}

/**
 * The region a plan is made for: the selected district or township, else the district whose
 * townships are on the map. Null at the city's district level with nothing selected.
 */
export function planRegion(view: Pick<ViewState, 'level' | 'parent' | 'selected'>): string | null {
  if (view.selected)
    return view.selected
  return view.level === 'township' ? view.parent : null
}

/** The order the route visits the posts, as their ranks: `1 → 3 → 2`. */
export function routeRanks(order: readonly number[], posts: readonly PostLike[]): number[] {
  return order.map(i => posts[i]?.rank ?? i + 1)
}

/** A length for people: metres under a kilometre, else kilometres with one decimal. */
export function formatLength(metres: number, locale: string): string {
  if (metres < 1000)
    return `${Math.round(metres).toLocaleString(locale)} m`
  return `${(metres / 1000).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} km`
}

/** A share 0–1 as a percentage with at most one decimal, or a dash. */
export function formatShare(share: number | null | undefined, locale: string): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`
}
