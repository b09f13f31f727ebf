/**
 * The seasonal risk calendar: events by month of year × local hour, and the peaks found in them.
 * Pure functions; the counts come from queries/water-calendar.ts.
 */

/** How far above the mean a bin must be to belong to a peak. */
export const PEAK_RATIO = 1.5

export interface Peak {
  /** The bins of the peak window, in order (months 1–12, hours 0–23); a window may wrap (Dec → Jan). */
  bins: number[]
  /** The bin with the most events. */
  max: number
  /** The peak's share of all events counted. */
  share: number
}

/**
 * The peak of a cyclic histogram: the contiguous run of bins around the fullest one whose counts
 * are each at least PEAK_RATIO × the mean bin. Null when there are no events or no bin stands out.
 * `first` is the label of bin 0 (1 for months, 0 for hours).
 */
export function cyclicPeak(counts: number[], first: number): Peak | null {
  const total = counts.reduce((a, b) => a + b, 0)
  if (total === 0)
    return null
  const n = counts.length
  const threshold = (PEAK_RATIO * total) / n
  let top = 0
  for (let k = 1; k < n; k++) {
    if (counts[k]! > counts[top]!)
      top = k
  }
  if (counts[top]! < threshold)
    return null
  const inPeak = (k: number) => counts[((k % n) + n) % n]! >= threshold
  let start = top
  while (start > top - n + 1 && inPeak(start - 1))
    start--
  let end = top
  while (end < start + n - 1 && inPeak(end + 1))
    end++
  const bins: number[] = []
  let sum = 0
  for (let k = start; k <= end; k++) {
    const i = ((k % n) + n) % n
    bins.push(i + first)
    sum += counts[i]!
  }
  return { bins, max: top + first, share: Math.round((sum / total) * 10_000) / 10_000 }
}

export interface CalendarCell { month: number, hour: number, count: number }

/** Month totals, hour totals, the peak months, and the peak hours within those months. */
export function summariseCalendar(cells: CalendarCell[]) {
  const byMonth = Array.from({ length: 12 }, () => 0)
  for (const c of cells)
    byMonth[c.month - 1]! += c.count
  const peakMonths = cyclicPeak(byMonth, 1)
  const within = peakMonths ? new Set(peakMonths.bins) : null
  const byHour = Array.from({ length: 24 }, () => 0)
  const byHourInPeak = Array.from({ length: 24 }, () => 0)
  for (const c of cells) {
    byHour[c.hour]! += c.count
    if (!within || within.has(c.month))
      byHourInPeak[c.hour]! += c.count
  }
  return { byMonth, byHour, total: byMonth.reduce((a, b) => a + b, 0), peakMonths, peakHours: cyclicPeak(byHourInPeak, 0) }
}
