import { shanghaiMinuteOfWeek } from './duty-windows.ts'

// When a zone's events happen, and when to patrol it. Events are counted by weekday and hour of
// day in Asia/Shanghai (a 7 × 24 matrix). A patrol window is a run of whole hours that may wrap
// past midnight; its score is the number of events inside it. Recommendations are picked best
// first, skipping any window that shares an hour with one already picked, so they do not repeat
// the same peak shifted by an hour.

export interface HourWeekdayMatrix {
  /** counts[weekday − 1][hour]: events on that ISO weekday (1 = Monday) and local hour. */
  counts: number[][]
  total: number
}

export interface PatrolWindow {
  /** ISO weekday the window starts on; absent when recommended over all days together. */
  day?: number
  startHour: number
  hours: number
  /** Local 'HH:00'; an end of '00:00' is midnight. Ready to use as a shift { days, start, end }. */
  start: string
  end: string
  count: number
  /** count / all events in the matrix. */
  share: number
}

export interface PatrolWindowOptions {
  /** Window length in whole hours, 1–24 (patrol plans use 2–4). */
  hours: number
  /** How many windows to recommend (per weekday when `by` is 'weekday'). Default 3. */
  top?: number
  /** 'overall' sums the seven days into one 24-hour profile; 'weekday' ranks each day's windows. */
  by: 'overall' | 'weekday'
}

/** The 7 × 24 count matrix of event instants (epoch milliseconds). */
export function hourWeekdayMatrix(instants: Iterable<number>): HourWeekdayMatrix {
  const counts = Array.from({ length: 7 }, () => Array.from<number>({ length: 24 }).fill(0))
  let total = 0
  for (const ms of instants) {
    if (!Number.isFinite(ms))
      throw new RangeError(`event time ${ms} is not an instant`)
    const minute = shanghaiMinuteOfWeek(ms)
    counts[Math.floor(minute / 1440)]![Math.floor((minute % 1440) / 60)]!++
    total++
  }
  return { counts, total }
}

/**
 * The top windows of `hours` consecutive hours by events captured. Ties go to the earlier day,
 * then the earlier start hour. A weekday's window that runs past midnight takes the next day's
 * early hours (Sunday's runs into Monday). Windows with no events are never recommended.
 */
export function recommendPatrolWindows(matrix: HourWeekdayMatrix, options: PatrolWindowOptions): PatrolWindow[] {
  const { hours, by } = options
  const top = options.top ?? 3
  if (!Number.isInteger(hours) || hours < 1 || hours > 24)
    throw new RangeError(`a patrol window must be 1 to 24 whole hours, got ${hours}`)
  if (!Number.isInteger(top) || top < 1)
    throw new RangeError(`top must be a whole number ≥ 1, got ${top}`)
  // One ring of hours: the 168 hours of the week, or the 24 hours of the summed days.
  const ring = by === 'weekday'
    ? matrix.counts.flat()
    : Array.from({ length: 24 }, (_, h) => matrix.counts.reduce((sum, day) => sum + day[h]!, 0))
  const candidates = ring.map((_, first) => {
    let count = 0
    for (let k = 0; k < hours; k++)
      count += ring[(first + k) % ring.length]!
    return { first, count }
  }).filter(c => c.count > 0)
  candidates.sort((a, b) => b.count - a.count || a.first - b.first)

  const taken = new Uint8Array(ring.length)
  const picked = new Map<number, number>()
  const out: PatrolWindow[] = []
  for (const { first, count } of candidates) {
    const group = by === 'weekday' ? Math.floor(first / 24) : 0
    if ((picked.get(group) ?? 0) >= top)
      continue
    const cells = Array.from({ length: hours }, (_, k) => (first + k) % ring.length)
    if (cells.some(c => taken[c]))
      continue
    for (const c of cells) taken[c] = 1
    picked.set(group, (picked.get(group) ?? 0) + 1)
    const startHour = first % 24
    out.push({
      ...(by === 'weekday' ? { day: group + 1 } : {}),
      startHour,
      hours,
      start: clock(startHour),
      end: clock((startHour + hours) % 24),
      count,
      share: count / matrix.total,
    })
  }
  return out.sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || b.count - a.count || a.startHour - b.startHour)
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}
