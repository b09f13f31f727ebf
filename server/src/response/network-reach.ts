import type { Queryable } from '../db/database.ts'
import type { ReachLeg, UnitSnap } from '../queries/road-network.ts'
import type { ReachSpeeds } from './speeds.ts'
import { reachAreas } from '../queries/response-coverage.ts'
import { networkArea, networkState, snapUnits } from '../queries/road-network.ts'
import { reachSteps, speedMethod } from './speeds.ts'

/** A unit further than this from every road-network node keeps its speed buffers. */
export const SNAP_M = 300
/** Reached road pieces are buffered by this many metres into an area (a street and its frontage). */
export const BUFFER_M = 40
/** Edges are read within this box around a unit: 5 minutes at 120 km/h. */
const READ_M = 10_000

/**
 * The 1-3-5 steps on a road network: 1 and 3 minutes on foot (walking costs), 5 minutes by vehicle
 * (driving costs) — and, because a responder who can walk there in 3 minutes is also there within
 * 5, the 5-minute area includes the 3-minute walk. The areas are therefore cumulative, as the
 * speed circles are.
 */
export const networkSteps: Array<{ minutes: 1 | 3 | 5, legs: ReachLeg[] }> = [
  { minutes: 1, legs: [{ mode: 'walk', seconds: 60 }] },
  { minutes: 3, legs: [{ mode: 'walk', seconds: 180 }] },
  { minutes: 5, legs: [{ mode: 'walk', seconds: 180 }, { mode: 'drive', seconds: 300 }] },
]

export interface ReachMethodState { pgrouting: boolean, edges: number }

/** Which reach method this database offers: network when pgRouting exists and roads are loaded. */
export async function reachMethodState(q: Queryable): Promise<ReachMethodState> {
  return networkState(q)
}

export function networkActive(s: ReachMethodState): boolean {
  return s.pgrouting && s.edges > 0
}

/** The method card of reach and coverage replies, for either method. */
export function methodCard(s: ReachMethodState, speeds: ReachSpeeds) {
  if (!networkActive(s)) {
    const speed = speedMethod(speeds)
    return {
      ...speed,
      pgrouting: s.pgrouting,
      roadEdges: s.edges,
      note: s.pgrouting
        ? 'straight-line approximation; network reach needs pgRouting and a road network (pgRouting is installed, no roads are loaded: docs/road-network.md)'
        : 'straight-line approximation; network reach needs pgRouting and a road network (no road network on this database)',
    }
  }
  return {
    kind: 'network' as const,
    pgrouting: true,
    roadEdges: s.edges,
    speeds: { walkKmh: speeds.walkKmh, vehicleKmh: speeds.vehicleKmh },
    steps: [
      { minutes: 1, mode: 'walk', costs: 'cost_walk_s' },
      { minutes: 3, mode: 'walk', costs: 'cost_walk_s' },
      { minutes: 5, mode: 'vehicle', costs: 'cost_drive_s (and the 3-minute walk)' },
    ],
    snapM: SNAP_M,
    bufferM: BUFFER_M,
    note: `network reach: pgr_drivingDistance from the road node nearest the unit (within ${SNAP_M} m, reached on foot at ${speeds.walkKmh} km/h, which the budget pays for) over road_edge costs; reached edges, including the part of an edge up to the remaining cost (ST_LineSubstring), are buffered by ${BUFFER_M} m and unioned. Units with no road node within ${SNAP_M} m keep straight-line circles at the configured speeds.`,
  }
}

export interface UnitReach {
  id: number
  kind: 'network' | 'speed'
  /** GeoJSON polygons for 1, 3 and 5 minutes, cumulative. */
  areas: [unknown, unknown, unknown]
  /** Network only: the node the unit starts from, its access walk and the nodes reached per step. */
  node?: number
  accessM?: number
  nodes?: Array<Array<{ node: number, seconds: number }>>
}

/**
 * Reach areas for each unit (in scope; others are absent): network areas for a unit with a road
 * node within SNAP_M when the network is active, speed circles otherwise. The access walk from the
 * unit to its node is paid out of every leg's budget at the walking speed.
 */
export async function unitsReach(q: Queryable, ids: number[], speeds: ReachSpeeds, state: ReachMethodState): Promise<UnitReach[]> {
  const radii = reachSteps(speeds).map(s => s.metres)
  const snaps: UnitSnap[] = networkActive(state)
    ? await snapUnits(q, ids, SNAP_M)
    : (await q.query<{ id: number }>('SELECT id FROM response_unit WHERE id = ANY ($1::bigint[]) ORDER BY id', [ids])).map(r => ({ id: r.id, lon: 0, lat: 0, srid: 0, node: null, accessM: null }))
  const out: UnitReach[] = []
  for (const s of snaps) {
    if (s.node === null || s.accessM === null) {
      const areas = (await reachAreas(q, s.id, radii))!
      out.push({ id: s.id, kind: 'speed', areas: areas as UnitReach['areas'] })
      continue
    }
    const accessS = s.accessM / (speeds.walkKmh / 3.6)
    const areas: unknown[] = []
    const nodes: UnitReach['nodes'] = []
    for (const step of networkSteps) {
      const legs = step.legs.map(l => ({ ...l, seconds: l.seconds - accessS }))
      const walkable = step.minutes * 60 * (speeds.walkKmh / 3.6)
      const accessFraction = s.accessM > 0 ? Math.min(1, walkable / s.accessM) : 1
      const a = await networkArea(q, { node: s.node, lon: s.lon, lat: s.lat, srid: s.srid, reachM: READ_M, bufferM: BUFFER_M, accessFraction }, legs)
      areas.push(a.geometry)
      nodes.push(a.nodes)
    }
    out.push({ id: s.id, kind: 'network', areas: areas as UnitReach['areas'], node: s.node, accessM: s.accessM, nodes })
  }
  return out
}
