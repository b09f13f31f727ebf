import type { RegionFeatureProps } from '@riskmap/geodata/regions.ts'
import type { Feature, MultiPolygon } from 'geojson'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { bbox, booleanPointInPolygon } from '@turf/turf'
import { seededRandom } from '../fixtures/seeded-random.ts'

/** The seeded generator shared by the fixtures (mulberry32). */
export { seededRandom as prng } from '../fixtures/seeded-random.ts'

export interface TruthPoint {
  lon: number
  lat: number
  /** The township found by an independent point-in-polygon test (turf), or null if outside all. */
  township: string | null
}

/** Townships under a district, from the committed full-resolution boundaries. */
export function townshipsOf(district: string): Array<Feature<MultiPolygon, RegionFeatureProps>> {
  return loadRegions('full').features.filter(f => f.properties.level === 'township' && f.properties.parent === district)
}

/** Random points over a district's bounding box, each with its township by turf. */
export function randomPoints(district: string, n: number, seed: number): TruthPoint[] {
  const towns = townshipsOf(district)
  const boxes = towns.map(t => ({ t, b: bbox(t) }))
  const all = bbox({ type: 'FeatureCollection', features: towns })
  const rand = seededRandom(seed)
  return Array.from({ length: n }, () => {
    const lon = all[0] + rand() * (all[2] - all[0])
    const lat = all[1] + rand() * (all[3] - all[1])
    const hit = boxes.find(({ t, b }) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3] && booleanPointInPolygon([lon, lat], t))
    return { lon, lat, township: hit?.t.properties.code ?? null }
  })
}

/**
 * Instants near Asia/Shanghai month boundaries, written in several notations, with the month
 * each belongs to in Shanghai (the last hour of a month in UTC+8 is still that month).
 */
export const boundaryTimes: Array<{ text: string, month: string }> = [
  { text: '2026-01-31T23:59:59+08:00', month: '2026-01' },
  { text: '2026-02-01T00:00:00+08:00', month: '2026-02' },
  { text: '2026-01-31T16:00:00Z', month: '2026-02' },
  { text: '2026-01-31T15:59:59Z', month: '2026-01' },
  { text: '2026-02-28 23:59:59', month: '2026-02' },
  { text: '2026-03-01 00:00:00', month: '2026-03' },
  { text: '2025-12-31T16:30:00.000Z', month: '2026-01' },
  { text: '2025-12-31T23:59', month: '2025-12' },
]
