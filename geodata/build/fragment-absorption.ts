import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { TownshipPiece } from './synthetic-partition.ts'
import * as turf from '@turf/turf'
import { asMultiPolygon } from './ring-cleaning.ts'

/** Clipping a Voronoi cell against a ragged county edge leaves crumbs; a township crumb this small is noise. */
const MAX_FRAGMENT_AREA_M2 = 1_000_000

const key = (p: Position): string => `${p[0]},${p[1]}`

function sharedVertexCount(part: Position[][], piece: TownshipPiece): number {
  const theirs = new Set(piece.geometry.coordinates.flat(2).map(key))
  return new Set(part.flat().map(key).filter(k => theirs.has(k))).size
}

/**
 * Hands each small detached crumb of a piece to the neighbour it touches most, so townships stay
 * one compact shape. Crumbs that touch nobody (real river islands of the county) stay where they are.
 */
export function absorbFragments(pieces: TownshipPiece[]): TownshipPiece[] {
  const result = pieces.map(p => ({ ...p, geometry: structuredClone(p.geometry) }))
  for (const piece of result) {
    const parts = piece.geometry.coordinates
      .map(polygon => ({ polygon, area: turf.area(turf.polygon(polygon)) }))
      .sort((a, b) => b.area - a.area)
    const kept = [parts[0]!.polygon]
    for (const { polygon, area } of parts.slice(1)) {
      const neighbour = area < MAX_FRAGMENT_AREA_M2
        ? result
          .filter(other => other !== piece)
          .map(other => ({ other, shared: sharedVertexCount(polygon, other) }))
          .filter(candidate => candidate.shared >= 2)
          .sort((a, b) => b.shared - a.shared || a.other.code.localeCompare(b.other.code))[0]
        : undefined
      if (!neighbour) {
        kept.push(polygon)
        continue
      }
      const merged = turf.union(turf.featureCollection<Polygon | MultiPolygon>([turf.feature(neighbour.other.geometry), turf.polygon(polygon)]))
      if (!merged)
        throw new Error(`absorbing a crumb of ${piece.code} into ${neighbour.other.code} emptied it`)
      neighbour.other.geometry = asMultiPolygon(merged.geometry)
    }
    piece.geometry = { type: 'MultiPolygon', coordinates: kept }
  }
  return result
}
