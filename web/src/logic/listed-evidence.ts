/** A before/after comparison as the server sends it (z = 2(√after − √before) on equal windows). */
export interface ChangeSummary {
  z: number
  level: 'none' | 'notice' | 'warning'
  direction: 'up' | 'down' | 'none'
}

/** The i18n key under `listed.evidence` that states a change test's outcome; null when not computed. */
export function changeKey(test: ChangeSummary | null): 'significantDrop' | 'significantRise' | 'noSignificantChange' | null {
  if (!test)
    return null
  if (test.level === 'none' || test.direction === 'none')
    return 'noSignificantChange'
  return test.direction === 'down' ? 'significantDrop' : 'significantRise'
}

/** Cells at 95 % or more (bin ≥ 2): the ones that keep the place a hot spot. */
export function hotCellCount(cells: readonly { bin: number }[]): number {
  return cells.filter(c => c.bin >= 2).length
}

/** z to two decimals with its sign, for the method line. */
export function formatZ(z: number): string {
  return `${z > 0 ? '+' : z < 0 ? '−' : ''}${Math.abs(z).toFixed(2)}`
}
