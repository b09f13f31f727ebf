/**
 * Quantile class edges (k classes → k+1 edges, min … max) of the finite values: the wall colours
 * only the regions on show, so it classes them itself rather than using the server's breaks,
 * which may cover regions it filtered away.
 */
export function quantileBreaks(values: readonly (number | null)[], k = 5): number[] {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0)
    return []
  const at = (q: number) => {
    const pos = (sorted.length - 1) * q
    const lo = Math.floor(pos)
    const hi = Math.ceil(pos)
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
  }
  return Array.from({ length: k + 1 }, (_, i) => at(i / k))
}
