import type { ExpressionSpecification } from 'maplibre-gl'

/**
 * Sequential ramp for counts and rates. On the dark command-centre map higher means brighter
 * (deep red → orange → pale yellow), so the worst region is the one that stands out, not the one
 * that sinks into the background.
 */
export const SEQUENTIAL = ['#5b2238', '#7a2637', '#9a2c33', '#b8352c', '#d24a22', '#e8681c', '#f59128', '#fbbd48', '#fde68a']
/** Diverging ramp for changes: falls in blue, rises in red, around a neutral middle. */
export const DIVERGING = ['#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b']
export const NO_DATA_COLOR = '#3a4150'

/** Pick n colours spread evenly over a ramp, keeping its ends. */
export function sampleRamp(ramp: readonly string[], n: number): string[] {
  if (n <= 0)
    return []
  if (n === 1)
    return [ramp[Math.floor(ramp.length / 2)]!]
  return Array.from({ length: n }, (_, i) => ramp[Math.round(i * (ramp.length - 1) / (n - 1))]!)
}

/** Distinct, sorted, finite class edges: duplicate edges (common with quantiles on small sets) collapse. */
export function cleanBreaks(breaks: readonly number[]): number[] {
  const finite = breaks.filter(b => Number.isFinite(b)).sort((a, b) => a - b)
  return finite.filter((b, i) => i === 0 || b !== finite[i - 1])
}

export interface ColorClass { from: number, to: number, color: string }

/**
 * Colours for each class between consecutive edges. With `diverging`, the ramp is centred on 0
 * so that a class wholly below zero is always blue and one wholly above always red.
 */
export function classColors(breaks: readonly number[], diverging = false): ColorClass[] {
  const edges = cleanBreaks(breaks)
  const n = edges.length - 1
  if (n < 1)
    return edges.length === 1 ? [{ from: edges[0]!, to: edges[0]!, color: diverging ? DIVERGING[4]! : SEQUENTIAL[4]! }] : []
  if (!diverging) {
    const colors = sampleRamp(SEQUENTIAL, n)
    return colors.map((color, i) => ({ from: edges[i]!, to: edges[i + 1]!, color }))
  }
  const mid = (DIVERGING.length - 1) / 2
  const lo = Math.min(edges[0]!, 0)
  const hi = Math.max(edges[n]!, 0)
  return Array.from({ length: n }, (_, i) => {
    const centre = (edges[i]! + edges[i + 1]!) / 2
    const t = centre < 0 ? -centre / (lo || 1) : centre / (hi || 1)
    const offset = Math.round(Math.min(1, Math.abs(t)) * mid)
    const index = centre < 0 ? mid - Math.max(1, offset) : centre > 0 ? mid + Math.max(1, offset) : mid
    return { from: edges[i]!, to: edges[i + 1]!, color: DIVERGING[index]! }
  })
}

/**
 * A `fill-color` expression stepping on a numeric feature-state key; features without that
 * state (no data) get the no-data colour.
 */
export function fillColorExpression(breaks: readonly number[], stateKey = 'metric', diverging = false): ExpressionSpecification | string {
  const classes = classColors(breaks, diverging)
  if (classes.length === 0)
    return NO_DATA_COLOR
  const input: ExpressionSpecification = ['to-number', ['feature-state', stateKey]]
  const stepArgs: (string | number)[] = [classes[0]!.color]
  for (const c of classes.slice(1))
    stepArgs.push(c.from, c.color)
  // A step needs at least one edge; a single class (all values equal) is one flat colour.
  const step = classes.length === 1 ? classes[0]!.color : ['step', input, ...stepArgs] as unknown as ExpressionSpecification
  return ['case', ['==', ['typeof', ['feature-state', stateKey]], 'number'], step, NO_DATA_COLOR]
}
