import type { ExpressionSpecification } from 'maplibre-gl'

/** Esri's Gi_Bin: −3..3, the sign of z times the highest confidence level (90/95/99 %) reached. */
export type GiBin = -3 | -2 | -1 | 0 | 1 | 2 | 3

export interface GiClass {
  bin: GiBin
  /** i18n key under `hotspots.gistar.bins`. */
  key: 'cold99' | 'cold95' | 'cold90' | 'none' | 'hot90' | 'hot95' | 'hot99'
  color: string
  /** Fill opacity: not-significant cells stay faint so the map beneath still reads. */
  opacity: number
}

/**
 * The seven classes of Esri's classic hot spot renderer, hot at the top as its legend lists
 * them. The colours are Esri's (#d62f27 … #4575b5); "not significant" is a faint neutral
 * rather than Esri's pale yellow, which would glare on the dark base map.
 */
export const GI_CLASSES: readonly GiClass[] = [
  { bin: 3, key: 'hot99', color: '#d62f27', opacity: 0.85 },
  { bin: 2, key: 'hot95', color: '#ed7551', opacity: 0.82 },
  { bin: 1, key: 'hot90', color: '#fab984', opacity: 0.78 },
  { bin: 0, key: 'none', color: '#9aa3b5', opacity: 0.12 },
  { bin: -1, key: 'cold90', color: '#c0ccbe', opacity: 0.78 },
  { bin: -2, key: 'cold95', color: '#849eba', opacity: 0.82 },
  { bin: -3, key: 'cold99', color: '#4575b5', opacity: 0.85 },
]

/** The class of a bin; anything that is not a whole number in −3..3 is "not significant". */
export function giClassOf(bin: unknown): GiClass {
  return GI_CLASSES.find(c => c.bin === bin) ?? GI_CLASSES.find(c => c.bin === 0)!
}

function matchOnBin(pick: (c: GiClass) => string | number, fallback: string | number): ExpressionSpecification {
  const pairs = GI_CLASSES.filter(c => c.bin !== 0).flatMap(c => [c.bin, pick(c)])
  return ['match', ['to-number', ['get', 'bin'], 0], ...pairs, fallback] as unknown as ExpressionSpecification
}

/** `fill-color` by the cell's `bin`. */
export function giFillColor(): ExpressionSpecification {
  return matchOnBin(c => c.color, giClassOf(0).color)
}

/** `fill-opacity` by the cell's `bin`. */
export function giFillOpacity(): ExpressionSpecification {
  return matchOnBin(c => c.opacity, giClassOf(0).opacity)
}

export interface GiClassCount extends GiClass { count: number }

/** Cells per class, in legend order (hot 99 % first); classes without cells are kept with 0. */
export function giClassCounts(bins: readonly unknown[]): GiClassCount[] {
  const tally = new Map<GiBin, number>()
  for (const b of bins) {
    const c = giClassOf(b)
    tally.set(c.bin, (tally.get(c.bin) ?? 0) + 1)
  }
  return GI_CLASSES.map(c => ({ ...c, count: tally.get(c.bin) ?? 0 }))
}
