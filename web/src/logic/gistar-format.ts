/** A z-score to three decimals with a real minus sign; '—' when not finite. */
export function formatZ(z: number | null | undefined): string {
  if (z === null || z === undefined || !Number.isFinite(z))
    return '—'
  const text = Math.abs(z).toFixed(3)
  return z < 0 && text !== '0.000' ? `−${text}` : text
}

/**
 * A p-value as analysts read it: four significant digits, scientific below 0.0001 so that the
 * 99 % cells do not all read "0.0000"; '—' when not a probability.
 */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p) || p < 0 || p > 1)
    return '—'
  if (p === 0)
    return '0'
  if (p < 1e-4)
    return p.toExponential(2).replace('e-', '×10⁻').replace(/⁻(\d+)$/, (_, d: string) => `⁻${[...d].map(x => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(x)]).join('')}`)
  return Number(p.toPrecision(4)).toString()
}
