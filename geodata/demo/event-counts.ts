import type { SubClassDef } from '../../server/src/catalog/indicator-catalog.ts'
import type { TownshipInfo } from './townships.ts'
import { monthOfYear, yearsFromMiddle } from './months.ts'
import { profileFor, seasonFactor, settingFactor } from './profiles.ts'
import { cumulate, makeRng, pickCumulative, poisson } from './random.ts'
import { trendFactor } from './townships.ts'

export const TELECOM_FRAUD = 'C2-05'
/** 盗抢骗: robbery, theft, telecom fraud, other fraud. */
export const PROPERTY_CRIME = ['C2-03', 'C2-04', 'C2-05', 'C2-06']
const MIN_FRAUD_SHARE = 0.62

/** Background event counts per township × sub-class × month, indexed ((t·S)+s)·M+m. */
export interface CountTable { counts: Int32Array, towns: TownshipInfo[], subs: SubClassDef[], months: string[] }

export function index(table: Pick<CountTable, 'subs' | 'months'>, t: number, s: number, m: number): number {
  return (t * table.subs.length + s) * table.months.length + m
}

/**
 * Poisson counts from population × rate × season × trend × setting, scaled so the expected
 * sum is `total`, then nudged to exactly `total` so ids and tests can rely on the count.
 */
export function countEvents(towns: TownshipInfo[], subs: SubClassDef[], months: string[], total: number, seed: string): CountTable {
  const table = { counts: new Int32Array(towns.length * subs.length * months.length), towns, subs, months }
  const mean = new Float64Array(table.counts.length)
  towns.forEach((town, t) => subs.forEach((sub, s) => months.forEach((month, m) => {
    const profile = profileFor(sub.code)
    mean[index(table, t, s, m)] = town.pop10k * profile.rate * seasonFactor(profile.season, monthOfYear(month))
      * trendFactor(town, yearsFromMiddle(m, months.length)) * settingFactor(profile.setting, town.urbanity)
  })))
  const expected = mean.reduce((a, b) => a + b, 0)
  const scale = expected > 0 ? total / expected : 0
  towns.forEach((town, t) => {
    const rng = makeRng(seed, 'counts', town.region.code)
    for (let i = index(table, t, 0, 0); i < index(table, t + 1, 0, 0); i++) table.counts[i] = poisson(rng, (mean[i] ?? 0) * scale)
  })
  matchTotal(table.counts, mean, total, makeRng(seed, 'counts', 'total'))
  enforceFraudShare(table)
  return table
}

function matchTotal(counts: Int32Array, mean: Float64Array, total: number, rng: () => number): void {
  let diff = total - counts.reduce((a, b) => a + b, 0)
  if (diff > 0) {
    const cumulative = cumulate(mean)
    for (; diff > 0; diff--) {
      const i = pickCumulative(rng, cumulative)
      counts[i] = (counts[i] ?? 0) + 1
    }
  }
  while (diff < 0) {
    const cumulative = cumulate(counts)
    for (let k = 0; k < 64 && diff < 0; k++) {
      const i = pickCumulative(rng, cumulative)
      if ((counts[i] ?? 0) > 0) {
        counts[i] = (counts[i] ?? 0) - 1
        diff++
      }
    }
  }
}

/**
 * The 白城 finding "telecom fraud is over 60% of property crime" must hold in every
 * township-year (calendar years and both 12-month halves). Small counts can break it by
 * chance, so move cases from other property crimes to telecom fraud in the same month.
 */
function enforceFraudShare(table: CountTable): void {
  const fraud = table.subs.findIndex(s => s.code === TELECOM_FRAUD)
  const others = PROPERTY_CRIME.map(code => table.subs.findIndex(s => s.code === code)).filter(s => s >= 0 && s !== fraud)
  if (fraud < 0 || others.length === 0)
    return
  const groups = new Map<string, number[]>()
  table.months.forEach((month, m) => {
    for (const key of [month.slice(0, 4), m < table.months.length - 12 ? 'first' : 'last']) groups.set(key, [...(groups.get(key) ?? []), m])
  })
  table.towns.forEach((_, t) => {
    for (const monthsOfGroup of groups.values()) {
      const at = (s: number, m: number) => index(table, t, s, m)
      let fraudCount = monthsOfGroup.reduce((sum, m) => sum + (table.counts[at(fraud, m)] ?? 0), 0)
      let otherCount = monthsOfGroup.reduce((sum, m) => sum + others.reduce((x, s) => x + (table.counts[at(s, m)] ?? 0), 0), 0)
      while (otherCount > 0 && fraudCount / (fraudCount + otherCount) < MIN_FRAUD_SHARE) {
        const from = largestCell(table, monthsOfGroup.flatMap(m => others.map(s => at(s, m))))
        const m = Math.floor(from % table.months.length)
        table.counts[from] = (table.counts[from] ?? 0) - 1
        table.counts[at(fraud, m)] = (table.counts[at(fraud, m)] ?? 0) + 1
        fraudCount++
        otherCount--
      }
    }
  })
}

function largestCell(table: CountTable, cells: number[]): number {
  return cells.reduce((best, i) => ((table.counts[i] ?? 0) > (table.counts[best] ?? 0) ? i : best), cells[0] ?? 0)
}
