import type { CategoryDef, SubClassDef } from '../../server/src/catalog/indicator-catalog.ts'
import type { Rng } from './random.ts'
import type { DemoRegion, DemoValue } from './types.ts'
import { demoMonths, monthOfYear, yearsFromMiddle } from './months.ts'
import { profileFor, seasonFactor, settingFactor } from './profiles.ts'
import { binomial, makeRng, poisson } from './random.ts'
import { townshipsOf, trendFactor } from './townships.ts'
import { DEFAULT_SEED } from './types.ts'

/** A surge planted in the last month (endMonth) so that month-on-month alerts have something to find. */
export const plantedSurge = {
  region: '500104004000', // 大渡口区 茄子溪街道
  indicator: 'B2-01', // 征地拆迁信访
  month: 'last' as const,
  /** last-month value = Poisson(multiplier × expected) + extra */
  multiplier: 5,
  extra: 8,
}

/**
 * Outcome sub-classes are thinned from the intake of their class in the same township-month,
 * so "closed" and "mediated" move with the caseload instead of independently of it.
 */
interface Derived { from: string[], kind: 'binomial' | 'poisson', p: number, fromRemainderOf?: string }
const DERIVED: Record<string, Derived> = {
  'D1-10': { from: intake('D1', 9), kind: 'binomial', p: 0.82 },
  'D1-11': { from: intake('D1', 9), kind: 'binomial', p: 0.45, fromRemainderOf: 'D1-10' },
  'D1-12': { from: intake('D1', 9), kind: 'binomial', p: 0.9 },
  'D1-13': { from: intake('D1', 9), kind: 'binomial', p: 0.04 },
  'D1-14': { from: intake('D1', 9), kind: 'poisson', p: 0.06 },
  'D2-10': { from: intake('D2', 9), kind: 'binomial', p: 0.35 },
  'D2-11': { from: intake('D2', 9), kind: 'binomial', p: 0.85 },
  'D2-12': { from: intake('D2', 9), kind: 'poisson', p: 0.5 },
  'D3-06': { from: intake('D3', 5), kind: 'binomial', p: 0.3 },
  'D3-07': { from: intake('D3', 5), kind: 'binomial', p: 0.8 },
  'D4-05': { from: intake('D4', 4), kind: 'binomial', p: 0.12 },
  'D4-06': { from: intake('D4', 4), kind: 'binomial', p: 0.6 },
  'D4-07': { from: intake('D4', 4), kind: 'binomial', p: 0.3 },
}

function intake(cls: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${cls}-${String(i + 1).padStart(2, '0')}`)
}

/** Monthly values for every township × month × non-geolocated sub-class, zeros included. */
export function generateDemoValues(opts: { regions: DemoRegion[], catalog: CategoryDef[], endMonth: string, seed?: string }): DemoValue[] {
  const seed = opts.seed ?? DEFAULT_SEED
  const months = demoMonths(opts.endMonth)
  const subs = opts.catalog.flatMap(c => c.classes.flatMap(k => k.subclasses)).filter(s => !s.geolocated)
  const known = new Set(subs.map(s => s.code))
  const out: DemoValue[] = []
  for (const town of townshipsOf(opts.regions, seed)) {
    const rng = makeRng(seed, 'values', town.region.code)
    months.forEach((month, i) => {
      const drawn = new Map<string, number>()
      const trend = trendFactor(town, yearsFromMiddle(i, months.length))
      for (const sub of subs) {
        const derived = DERIVED[sub.code]
        const value = derived && derived.from.every(c => known.has(c))
          ? drawDerived(rng, derived, drawn)
          : drawPrimary(rng, sub, town.pop10k * trend, town.urbanity, month, i === months.length - 1 && town.region.code === plantedSurge.region)
        drawn.set(sub.code, value)
        out.push({ region: town.region.code, indicator: sub.code, month, value })
      }
    })
  }
  return out
}

function drawPrimary(rng: Rng, sub: SubClassDef, scale: number, urbanity: number, month: string, surgeCell: boolean): number {
  const profile = profileFor(sub.code)
  const mean = scale * profile.rate * seasonFactor(profile.season, monthOfYear(month)) * settingFactor(profile.setting, urbanity)
  if (surgeCell && sub.code === plantedSurge.indicator)
    return poisson(rng, mean * plantedSurge.multiplier) + plantedSurge.extra
  // Occasional one-off noise at small counts: a handful of extra cases in a quiet cell.
  const noise = rng() < 0.015 ? 1 + Math.floor(rng() * 3) : 0
  return poisson(rng, mean) + noise
}

function drawDerived(rng: Rng, derived: Derived, drawn: Map<string, number>): number {
  let base = derived.from.reduce((sum, code) => sum + (drawn.get(code) ?? 0), 0)
  if (derived.fromRemainderOf)
    base = Math.max(0, base - (drawn.get(derived.fromRemainderOf) ?? 0))
  return derived.kind === 'binomial' ? binomial(rng, base, derived.p) : poisson(rng, base * derived.p)
}
