/** Month-on-month and year-on-year change, as METHODS.md defines it. */
export interface Change {
  change: number | null
  /** (C − P) / P × 100, null when P is 0 or either side is missing. */
  changePct: number | null
}

export function change(current: number | null, previous: number | null): Change {
  if (current === null || previous === null)
    return { change: null, changePct: null }
  return {
    change: current - previous,
    changePct: previous === 0 ? null : ((current - previous) / previous) * 100,
  }
}

/** Value per 10,000 residents; null without a population. */
export function per10k(value: number, population: number | null): number | null {
  return population && population > 0 ? (value / population) * 10_000 : null
}
