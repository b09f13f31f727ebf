import type { DemoRegion } from './types.ts'
import * as turf from '@turf/turf'
import { makeRng } from './random.ts'

export interface TownshipInfo {
  region: DemoRegion
  /** per 10,000 residents */
  pop10k: number
  /** 0 rural … 1 dense urban core, from residents per km² on a log scale */
  urbanity: number
  /** continuous yearly growth rate of every indicator in this township */
  trend: number
}

/** Townships in code order, so every generator walks them in the same sequence. */
export function townshipsOf(regions: DemoRegion[], seed: string): TownshipInfo[] {
  return regions
    .filter(r => r.level === 'township')
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((region) => {
      const population = region.population > 0 ? region.population : 10_000
      const km2 = Math.max(turf.area(region.geometry) / 1e6, 0.01)
      const density = population / km2
      const urbanity = Math.min(1, Math.max(0, (Math.log10(density) - 1.5) / 2.5))
      // A per-township stream keeps a township's trend stable when other regions are added.
      const rng = makeRng(seed, 'trend', region.code)
      const trend = -0.3 + 0.65 * rng()
      return { region, pop10k: population / 10_000, urbanity, trend }
    })
}

export function trendFactor(town: TownshipInfo, yearsFromMiddle: number): number {
  return Math.exp(town.trend * yearsFromMiddle)
}
