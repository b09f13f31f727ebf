import type { MultiPolygon, Position } from 'geojson'
import type { CountyShape } from './county-polygons.ts'
import * as turf from '@turf/turf'
import { areaBalancedSites } from './area-balanced-sites.ts'
import { asMultiPolygon } from './ring-cleaning.ts'
import { samplePointsInside, seededRandom } from './seeded-sampling.ts'

const SAMPLES_PER_PIECE = 400

export interface TownshipPiece {
  code: string
  name: string
  geometry: MultiPolygon
}

/** Longitude shrinks by cos(latitude); scaling x by it makes planar distances roughly metric. */
function metricScale(shape: MultiPolygon): number {
  const [, minY, , maxY] = turf.bbox(shape)
  return Math.cos(((minY + maxY) / 2) * Math.PI / 180)
}

function voronoiCells(sites: Position[], shape: MultiPolygon, xScale: number): MultiPolygon[] {
  const [minX, minY, maxX, maxY] = turf.bbox(shape)
  const pad = 0.1
  const frame: [number, number, number, number] = [minX * xScale - pad, minY - pad, maxX * xScale + pad, maxY + pad]
  const cells = turf.voronoi(turf.featureCollection(sites.map(s => turf.point(s))), { bbox: frame })
  return cells.features.map((cell, i) => {
    if (!cell)
      throw new Error(`Voronoi cell ${i} is missing (duplicate site?)`)
    const unscaled = cell.geometry.coordinates.map(ring => ring.map(([x, y]) => [x! / xScale, y!]))
    return { type: 'MultiPolygon', coordinates: [unscaled] }
  })
}

/**
 * Splits a county into as many pieces as it has townships: seeded samples → area-balanced
 * sites → Voronoi → clipped to the county. No open township boundaries exist for these places,
 * so this only gives the map plausible, stable shapes; it is not where the townships really are.
 */
export function partitionCounty(county: CountyShape): TownshipPiece[] {
  const townships = county.plan.townships
  const random = seededRandom(`partition:${county.plan.code}`)
  const xScale = metricScale(county.geometry)
  const samples = samplePointsInside(county.geometry, townships.length * SAMPLES_PER_PIECE, random)
    .map(([x, y]) => [x! * xScale, y!])
  const sites = areaBalancedSites(samples, townships.length, random)

  const countyFeature = turf.feature(county.geometry)
  const pieces = voronoiCells(sites, county.geometry, xScale).map((cell, i) => {
    const clipped = turf.intersect(turf.featureCollection([turf.feature(cell), countyFeature]))
    if (!clipped)
      throw new Error(`${county.plan.name}: Voronoi cell ${i} misses the county`)
    const site = sites[i]!
    return { geometry: asMultiPolygon(clipped.geometry), site: [site[0]! / xScale, site[1]!] as Position }
  })

  // Codes run 街道 → 镇 → 乡, so handing them out nearest-the-seat first puts the
  // urban sub-districts in the middle, as they are in reality. Ties cannot occur with distinct sites.
  const seat = county.seat
  const bySeatDistance = pieces
    .map(piece => ({ ...piece, distance: turf.distance(seat, piece.site) }))
    .sort((a, b) => a.distance - b.distance)
  return townships.map((township, i) => ({ ...township, geometry: bySeatDistance[i]!.geometry }))
}
