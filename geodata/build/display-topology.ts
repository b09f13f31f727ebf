import type { MultiPolygon, Polygon } from 'geojson'
import type { GeometryCollection, Objects, Topology, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon } from 'topojson-specification'
import type { RegionDraft } from './region-features.ts'
import { feature, merge } from 'topojson-client'
import { topology } from 'topojson-server'
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify'
import { collapsedRingCount, properCrossings } from './geometry-validity.ts'
import { asMultiPolygon } from './ring-cleaning.ts'
import { roundMultiPolygon } from './shared-vertices.ts'

const EARTH_RADIUS_M = 6_371_008.8
/** The display target: bends smaller than about this are dropped. */
export const DISPLAY_TOLERANCE_M = 50
/**
 * Visvalingam drops a vertex whose triangle with its neighbours is smaller than a 50 m offset
 * over a 200 m span (5,000 m²). That removes the source's 1/1024° (~80 × 110 m) quantisation
 * stairs, which are noise, and keeps real bends; weights are spherical, in steradians.
 */
const MIN_TRIANGLE_AREA_M2 = (DISPLAY_TOLERANCE_M * 200) / 2
const MIN_WEIGHT = MIN_TRIANGLE_AREA_M2 / EARTH_RADIUS_M ** 2
const MAX_REPAIR_ROUNDS = 20

type TownshipGeometry = (TopoPolygon | TopoMultiPolygon) & { id: string }

function arcIndexesOf(geometry: TownshipGeometry): number[] {
  const rings = geometry.type === 'Polygon' ? geometry.arcs : geometry.arcs.flat()
  return rings.flat().map((i: number) => (i < 0 ? ~i : i))
}

function isSound(shape: MultiPolygon): boolean {
  return collapsedRingCount(shape) === 0 && properCrossings(shape).length === 0
}

/**
 * Simplifies to ≈50 m on one topology of the townships, then builds districts and cities by
 * merging their townships' arcs. Every level therefore draws the very same border line, and
 * no neighbour can gap or overlap. A township that collapses or self-intersects gets its arcs
 * back at full resolution, and the round repeats until all are sound.
 */
export function displayGeometries(drafts: RegionDraft[]): Map<string, MultiPolygon> {
  const townships = drafts.filter(d => d.props.level === 'township')
  const objects = {
    townships: {
      type: 'FeatureCollection' as const,
      features: townships.map(d => ({ type: 'Feature' as const, id: d.props.code, properties: {}, geometry: d.geometry })),
    },
  }
  const presimplified = presimplify(topology(objects) as Topology<Objects>, sphericalTriangleArea)
  const collection = presimplified.objects.townships as GeometryCollection
  const geometries = collection.geometries as TownshipGeometry[]

  for (let round = 0; ; round++) {
    const simplified = simplify(presimplified, MIN_WEIGHT) as Topology
    const unsound = geometries.filter(g => !isSound(townshipShape(simplified, g)))
    if (unsound.length === 0)
      return assemble(drafts, simplified, geometries)
    console.log(`display: ${unsound.map(g => g.id).join(', ')} keep full-resolution arcs`)
    if (round >= MAX_REPAIR_ROUNDS)
      throw new Error(`display simplification still breaks ${unsound.map(g => g.id).join(', ')}`)
    for (const g of unsound) {
      for (const arc of arcIndexesOf(g)) {
        for (const point of presimplified.arcs[arc]!)
          point[2] = Infinity
      }
    }
  }
}

function townshipShape(simplified: Topology, geometry: TownshipGeometry): MultiPolygon {
  const shape = geometry.type === 'Polygon' ? feature(simplified, geometry).geometry : feature(simplified, geometry).geometry
  return toMultiPolygon(shape)
}

function toMultiPolygon(geometry: Polygon | MultiPolygon | { type: string }): MultiPolygon {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
    throw new Error(`unexpected ${geometry.type} in display topology`)
  return roundMultiPolygon(asMultiPolygon(geometry as Polygon | MultiPolygon))
}

function assemble(drafts: RegionDraft[], simplified: Topology, geometries: TownshipGeometry[]): Map<string, MultiPolygon> {
  const byCode = new Map<string, MultiPolygon>()
  for (const draft of drafts) {
    const code = draft.props.code
    const members = geometries.filter(g => draft.props.level === 'township' ? g.id === code : g.id.startsWith(membershipPrefix(code)))
    if (members.length === 0)
      throw new Error(`${code} has no townships in the display topology`)
    const shape = draft.props.level === 'township'
      ? townshipShape(simplified, members[0]!)
      : toMultiPolygon(merge(simplified, members))
    if (!isSound(shape))
      throw new Error(`display geometry of ${code} is not valid after merging`)
    byCode.set(code, shape)
  }
  return byCode
}

/** 220800 → "2208", 220802 → "220802", 500000 → "50": the code prefix shared by all its townships. */
function membershipPrefix(code: string): string {
  return code.replace(/(00)+$/, '')
}
