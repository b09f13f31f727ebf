const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

/** The Asia/Shanghai calendar day of an instant, as a day number since 1970-01-01. */
export function shanghaiDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS)
}

/**
 * Whole calendar days in Asia/Shanghai from the last event to the reference instant: an event at
 * 23:30 on 31 January is 1 day before 00:30 on 1 February, not 0 (a 60-minute difference) and not
 * the UTC dates' answer.
 */
export function daysSince(lastMs: number, refMs: number): number {
  return shanghaiDay(refMs) - shanghaiDay(lastMs)
}

/** The first instant of the Asia/Shanghai month after `month` ('YYYY-MM'). */
export function shanghaiMonthEndExclusive(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return Date.UTC(y, m, 1) - SHANGHAI_OFFSET_MS
}
