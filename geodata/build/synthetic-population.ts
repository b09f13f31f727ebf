import { seededRandom } from './seeded-sampling.ts'

/**
 * Plausible resident ranges per township. No open township census figure is used: the numbers
 * are drawn from these ranges with a fixed seed, and flagged populationSynthetic.
 */
const RANGE_BY_COUNTY_PREFIX: Record<string, { street: [number, number], rural: [number, number] }> = {
  // 大渡口: dense urban district, every township 20k–80k; sums near its ~0.42 million residents.
  500104: { street: [45_000, 80_000], rural: [20_000, 45_000] },
  // 白城: 5k–60k; 街道 (urban sub-districts) are the large ones; sums near its ~1.6 million residents.
  2208: { street: [15_000, 60_000], rural: [5_000, 14_000] },
}

function rangeFor(code: string, name: string): [number, number] {
  const entry = Object.entries(RANGE_BY_COUNTY_PREFIX).find(([prefix]) => code.startsWith(prefix))
  if (!entry)
    throw new Error(`no synthetic population range for ${code}`)
  return name.endsWith('街道') ? entry[1].street : entry[1].rural
}

/** Rounded to tens so nobody mistakes the figure for a census count. */
export function syntheticTownshipPopulation(code: string, name: string): number {
  const [low, high] = rangeFor(code, name)
  const draw = seededRandom(`population:${code}`)()
  return Math.round((low + draw * (high - low)) / 10) * 10
}
