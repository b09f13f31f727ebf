import type { DemoRegion } from './types.ts'
import * as turf from '@turf/turf'

export interface HotspotSpec {
  id: string
  /** the single township the cluster lies in */
  township: string
  /** intended centre (WGS84); moved to the nearest point where the whole disc fits the township */
  anchor: [number, number]
  radiusM: number
  subclasses: string[]
  /** extra events on top of the background, for a 100k-event run (scaled for smaller runs) */
  events: number
  /** months of the year (1–12) the cluster is active in; empty = all year */
  activeMonths: number[]
  note: string
}

export const plantedHotspots: HotspotSpec[] = [
  {
    id: 'ddk-yangtze-water',
    township: '500104004000',
    anchor: [106.521, 29.424],
    radiusM: 400,
    subclasses: ['A2-01'],
    events: 300,
    activeMonths: [6, 7, 8],
    note: '大渡口 茄子溪 Yangtze bank: summer water-related calls after school. The anchor lies on the river, so the centre snaps to the nearest spot on the bank where the disc fits',
  },
  {
    id: 'ddk-street-night',
    township: '500104002000',
    anchor: [106.484, 29.482],
    radiusM: 500,
    subclasses: ['A2-02', 'C1-01', 'C1-02'],
    events: 600,
    activeMonths: [],
    note: '大渡口 跃进村 commercial centre: street incidents and brawls in the evening',
  },
  {
    id: 'bc-taobei-street',
    township: '220802001000',
    anchor: [122.838, 45.62],
    radiusM: 500,
    subclasses: ['A2-02', 'A2-09', 'C1-01'],
    events: 500,
    activeMonths: [],
    note: '白城 洮北区 海明街道 urban core: street incidents and noise',
  },
  {
    id: 'bc-taobei-vice',
    township: '220802004000',
    anchor: [122.85, 45.632],
    radiusM: 350,
    subclasses: ['C1-05', 'C1-06', 'C1-07'],
    events: 250,
    activeMonths: [],
    note: '白城 洮北区 明仁街道: 黄赌毒 cluster',
  },
]

export interface ResolvedHotspot extends HotspotSpec { centre: [number, number], radius: number }

const M_PER_DEG_LAT = 110_540

/**
 * Where each planted hot spot really sits for these regions: the anchor if a disc of radiusM
 * fits inside the township, else the nearest point that fits (or the roomiest, with a smaller
 * radius). Hot spots whose township is absent are dropped.
 */
export function resolveHotspots(regions: DemoRegion[]): ResolvedHotspot[] {
  const out: ResolvedHotspot[] = []
  for (const spec of plantedHotspots) {
    const region = regions.find(r => r.code === spec.township && r.level === 'township')
    if (!region)
      continue
    const inside = (x: number, y: number) => turf.booleanPointInPolygon([x, y], region.geometry, { ignoreBoundary: true })
    const fits = (x: number, y: number) => inside(x, y) && boundaryDistanceM(region.geometry, x, y) >= spec.radiusM * 1.1
    if (fits(spec.anchor[0], spec.anchor[1])) {
      out.push({ ...spec, centre: spec.anchor, radius: spec.radiusM })
      continue
    }
    out.push({ ...spec, ...bestCandidate(region.geometry, spec, inside) })
  }
  return out
}

function bestCandidate(geometry: GeoJSON.MultiPolygon, spec: HotspotSpec, inside: (x: number, y: number) => boolean): { centre: [number, number], radius: number } {
  const xs = geometry.coordinates.flat(2).map(p => p[0] ?? 0)
  const ys = geometry.coordinates.flat(2).map(p => p[1] ?? 0)
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  let nearest: { centre: [number, number], d: number } | null = null
  let roomiest: { centre: [number, number], room: number } = { centre: spec.anchor, room: 0 }
  const N = 40
  for (let i = 0; i <= N; i++) {
    for (let j = 0; j <= N; j++) {
      const x = minX + ((maxX - minX) * i) / N
      const y = minY + ((maxY - minY) * j) / N
      if (!inside(x, y))
        continue
      const room = boundaryDistanceM(geometry, x, y)
      if (room > roomiest.room)
        roomiest = { centre: [x, y], room }
      if (room < spec.radiusM * 1.1)
        continue
      const d = distanceM(spec.anchor, [x, y])
      if (!nearest || d < nearest.d)
        nearest = { centre: [x, y], d }
    }
  }
  if (nearest)
    return { centre: nearest.centre, radius: spec.radiusM }
  return { centre: roomiest.centre, radius: Math.max(50, roomiest.room * 0.8) }
}

export function distanceM(a: [number, number], b: [number, number]): number {
  const k = Math.cos((a[1] * Math.PI) / 180) * M_PER_DEG_LAT
  return Math.hypot((b[0] - a[0]) * k, (b[1] - a[1]) * M_PER_DEG_LAT)
}

/** Distance in metres from a point to the nearest edge, in a local equirectangular projection. */
export function boundaryDistanceM(geometry: GeoJSON.MultiPolygon, x: number, y: number): number {
  const kx = Math.cos((y * Math.PI) / 180) * M_PER_DEG_LAT
  let best = Infinity
  for (const ring of geometry.coordinates.flat(1)) {
    for (let i = 1; i < ring.length; i++) {
      const ax = ((ring[i - 1]?.[0] ?? 0) - x) * kx
      const ay = ((ring[i - 1]?.[1] ?? 0) - y) * M_PER_DEG_LAT
      const bx = ((ring[i]?.[0] ?? 0) - x) * kx
      const by = ((ring[i]?.[1] ?? 0) - y) * M_PER_DEG_LAT
      const dx = bx - ax
      const dy = by - ay
      const len2 = dx * dx + dy * dy
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy))
    }
  }
  return best
}
