import { ckmeans } from 'simple-statistics'

export type ClassifyMethod = 'quantile' | 'jenks' | 'equal'

/**
 * Class breaks for a choropleth: k+1 ascending edges from the minimum to the maximum. Nulls are
 * ignored. With fewer distinct values than k, fewer classes are returned rather than empty ones.
 */
export function classBreaks(values: Array<number | null>, method: ClassifyMethod, k: number): number[] {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b)
  if (!xs.length)
    return []
  const min = xs[0]!
  const max = xs[xs.length - 1]!
  if (min === max)
    return [min, max]
  const distinct = new Set(xs).size
  const classes = Math.max(1, Math.min(k, distinct))
  let inner: number[]
  if (method === 'equal') {
    inner = Array.from({ length: classes - 1 }, (_, i) => min + ((max - min) * (i + 1)) / classes)
  }
  else if (method === 'jenks') {
    // ckmeans is the O(k·n·log n) optimal 1-D clustering (Fisher-Jenks); each break is the
    // lower edge of the next cluster.
    inner = ckmeans(xs, classes).slice(1).map(cluster => cluster[0]!)
  }
  else {
    inner = Array.from({ length: classes - 1 }, (_, i) => quantileSorted(xs, (i + 1) / classes))
  }
  return [...new Set([min, ...inner, max])].sort((a, b) => a - b)
}

/** Linear-interpolated quantile (R type 7, as numpy and simple-statistics' quantileSorted). */
function quantileSorted(xs: number[], p: number): number {
  const h = (xs.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.ceil(h)
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!)
}
