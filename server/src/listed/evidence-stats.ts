import { addMonths, monthRange, monthSpan } from '../analysis/months.ts'

/**
 * Before/after windows around the listing month L (excluded: it is part before, part after).
 * After: L+1 … L+k; before: L−k … L−1, with k = min(n, complete months after L up to `last`),
 * so that both windows have the same length and their sums compare directly.
 */
export interface Windows {
  listedMonth: string
  monthsRequested: number
  /** k; 0 when no complete month after the listing exists yet. */
  monthsCompared: number
  before: { from: string, to: string } | null
  after: { from: string, to: string } | null
  /** The months shown in the series: L−n … min(L+n, last). */
  series: { from: string, to: string }
}

export function evidenceWindows(listedMonth: string, n: number, last: string): Windows {
  const first = addMonths(listedMonth, 1)
  const available = last >= first ? monthSpan(first, last) : 0
  const k = Math.min(n, available)
  const seriesFrom = addMonths(listedMonth, -n)
  const seriesEnd = [addMonths(listedMonth, n), last].sort()[0]!
  return {
    listedMonth,
    monthsRequested: n,
    monthsCompared: k,
    before: k ? { from: addMonths(listedMonth, -k), to: addMonths(listedMonth, -1) } : null,
    after: k ? { from: first, to: addMonths(listedMonth, k) } : null,
    series: { from: seriesFrom, to: seriesEnd < seriesFrom ? seriesFrom : seriesEnd },
  }
}

export interface WindowSum { from: string, to: string, months: number, total: number, mean: number }

export interface ChangeTest {
  before: WindowSum
  after: WindowSum
  /** z = 2(√A − √B) on the two sums (METHODS.md): about N(0, 1) under "no change" for Poisson counts. */
  z: number
  /** |z| ≥ 3 warning, ≥ 2 notice, else none. */
  level: 'none' | 'notice' | 'warning'
  direction: 'up' | 'down' | 'none'
}

/** The variance-stabilised Poisson comparison of equal-length windows. */
export function poissonZ(before: number, after: number): number {
  return 2 * (Math.sqrt(after) - Math.sqrt(before))
}

export function changeTest(counts: ReadonlyMap<string, number>, w: Windows): ChangeTest | null {
  if (!w.before || !w.after)
    return null
  const sum = (r: { from: string, to: string }): WindowSum => {
    const months = monthRange(r.from, r.to)
    const total = months.reduce((s, m) => s + (counts.get(m) ?? 0), 0)
    return { from: r.from, to: r.to, months: months.length, total, mean: total / months.length }
  }
  const before = sum(w.before)
  const after = sum(w.after)
  const z = poissonZ(before.total, after.total)
  const level = Math.abs(z) >= 3 ? 'warning' : Math.abs(z) >= 2 ? 'notice' : 'none'
  return { before, after, z, level, direction: level === 'none' ? 'none' : z > 0 ? 'up' : 'down' }
}

/** Every month of the series with its count, zeros included. */
export function monthlySeries(counts: ReadonlyMap<string, number>, w: Windows): Array<{ month: string, count: number }> {
  return monthRange(w.series.from, w.series.to).map(month => ({ month, count: counts.get(month) ?? 0 }))
}
