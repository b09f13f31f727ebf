/** The heatmap's cells: ECharts `[hour, weekdayIndex, count]` with Monday at the top row. */
export function heatmapCells(counts: readonly (readonly number[])[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = []
  counts.forEach((row, d) => row.forEach((n, h) => out.push([h, 6 - d, n])))
  return out
}

/** The largest cell count (at least 1, so an empty matrix still has a scale). */
export function heatmapMax(counts: readonly (readonly number[])[]): number {
  return Math.max(1, ...counts.flat())
}

export interface WindowLike { day?: number, startHour: number, hours: number }

/**
 * The cells a recommended window covers, as `[hour, weekdayIndex]` in the chart's rows: every day
 * for an overall window, its own day for a weekday one; a window past midnight continues on the
 * next day (Sunday's on Monday), as the server counts it.
 */
export function windowCells(w: WindowLike): Array<[number, number]> {
  const days = w.day === undefined ? [1, 2, 3, 4, 5, 6, 7] : [w.day]
  const out: Array<[number, number]> = []
  for (const day of days) {
    for (let k = 0; k < w.hours; k++) {
      const slot = ((day - 1) * 24 + w.startHour + k) % 168
      out.push([slot % 24, 6 - Math.floor(slot / 24)])
    }
  }
  return out
}

/** Hour labels 0–23 as `HH`. */
export const HOUR_LABELS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))
