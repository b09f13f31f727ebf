import type { RoadEdgeInput } from '../queries/road-network.ts'

/**
 * Road GeoJSON → road_edge rows, for `riskmap import roads FILE.geojson` (docs/road-network.md).
 *
 * Input: a FeatureCollection of LineString or MultiLineString features in WGS84, with OSM-style
 * properties: `highway` (the class), `name`, `oneway` (yes/true/1, or -1 for against the drawing
 * direction), `maxspeed` (km/h) and `foot` (no). Lines are split into edges at every vertex that
 * another line (or another part of the same line) shares, and at their ends: the OSM model, where
 * ways meet at shared nodes. Crossings without a shared vertex (a bridge over a road) stay apart.
 * Vertices are matched after rounding to 1e-7° (about 1 cm).
 *
 * Costs are seconds: geodesic length over a speed. Walking is `walkKmh` on every class but
 * motorways and trunk roads, and not where foot=no; driving uses `maxspeed` when given, else the
 * class speed below, and is absent on foot-only classes.
 */
export const driveKmhByClass: Record<string, number | null> = {
  motorway: 80,
  motorway_link: 50,
  trunk: 60,
  trunk_link: 40,
  primary: 50,
  primary_link: 40,
  secondary: 40,
  secondary_link: 30,
  tertiary: 30,
  tertiary_link: 30,
  unclassified: 25,
  residential: 25,
  living_street: 10,
  service: 15,
  track: 15,
  road: 25,
  pedestrian: null,
  footway: null,
  path: null,
  steps: null,
  cycleway: null,
  bridleway: null,
}
const noWalk = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link'])

export class RoadImportError extends Error {}

type Position = [number, number]

function haversine([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h))
}

const key = ([x, y]: Position) => `${Math.round(x * 1e7)}:${Math.round(y * 1e7)}`

export function roadEdgesFromGeoJson(text: string, walkKmh: number): RoadEdgeInput[] {
  let doc: any
  try {
    doc = JSON.parse(text)
  }
  catch (err) {
    throw new RoadImportError(`not JSON: ${(err as Error).message}`)
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw new RoadImportError('expected a GeoJSON FeatureCollection of LineString or MultiLineString features')

  const lines: Array<{ coords: Position[], props: Record<string, unknown> }> = []
  doc.features.forEach((f: any, k: number) => {
    const g = f?.geometry
    const parts: unknown[] = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : []
    if (!parts.length)
      throw new RoadImportError(`feature ${k + 1}: geometry must be a LineString or MultiLineString`)
    for (const part of parts) {
      if (!Array.isArray(part) || part.length < 2)
        throw new RoadImportError(`feature ${k + 1}: a line needs at least two positions`)
      const coords = part.map((p: any) => {
        const [x, y] = Array.isArray(p) ? p : []
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90)
          throw new RoadImportError(`feature ${k + 1}: positions must be [longitude, latitude] in WGS84 degrees`)
        return [x, y] as Position
      })
      lines.push({ coords, props: f.properties ?? {} })
    }
  })

  // A vertex is a node when it ends a line or more than one line position uses it.
  const uses = new Map<string, number>()
  for (const l of lines)
    l.coords.forEach(p => uses.set(key(p), (uses.get(key(p)) ?? 0) + 1))
  const nodeIds = new Map<string, number>()
  const nodeOf = (p: Position) => {
    const k = key(p)
    if (!nodeIds.has(k))
      nodeIds.set(k, nodeIds.size + 1)
    return nodeIds.get(k)!
  }

  const edges: RoadEdgeInput[] = []
  for (const { coords, props } of lines) {
    const highway = typeof props.highway === 'string' ? props.highway : ''
    const name = typeof props.name === 'string' ? props.name : ''
    const oneway = String(props.oneway ?? '').toLowerCase()
    const maxspeed = Number.parseFloat(String(props.maxspeed ?? ''))
    const classKmh = highway in driveKmhByClass ? driveKmhByClass[highway]! : 25
    const driveKmh = Number.isFinite(maxspeed) && maxspeed > 0 && classKmh !== null ? maxspeed : classKmh
    const walks = !noWalk.has(highway) && String(props.foot ?? '') !== 'no'
    let start = 0
    for (let i = 1; i < coords.length; i++) {
      if (i < coords.length - 1 && (uses.get(key(coords[i]!)) ?? 0) < 2)
        continue
      const piece = coords.slice(start, i + 1)
      start = i
      const length = piece.slice(1).reduce((m, p, k) => m + haversine(piece[k]!, p), 0)
      const walk = walks ? length / (walkKmh / 3.6) : null
      const drive = driveKmh === null ? null : length / (driveKmh / 3.6)
      edges.push({
        id: edges.length + 1,
        source: nodeOf(piece[0]!),
        target: nodeOf(piece.at(-1)!),
        lengthM: length,
        costWalkS: walk,
        reverseWalkS: walk,
        costDriveS: oneway === '-1' ? null : drive,
        reverseDriveS: ['yes', 'true', '1'].includes(oneway) ? null : drive,
        highway,
        name,
        geometry: JSON.stringify({ type: 'LineString', coordinates: piece }),
      })
    }
  }
  if (!edges.length)
    throw new RoadImportError('the file holds no road lines')
  return edges
}
