/**
 * Times in imports. An `occurred_at` without an offset is local time in Asia/Shanghai, and months
 * are calendar months there. China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset is exact for the dates this system holds.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000

const isoLike = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

export type ParsedTime = { ok: true, ms: number } | { ok: false, reason: string }

export function parseOccurredAt(text: string): ParsedTime {
  const m = isoLike.exec(text.trim())
  if (!m)
    return { ok: false, reason: `unparseable time "${clip(text)}": expected ISO 8601 such as 2026-05-31T23:59:00+08:00 or 2026-05-31 23:59` }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (year < 1970 || year > 2100)
    return { ok: false, reason: `year ${year} is out of range 1970–2100` }
  if (month < 1 || month > 12)
    return { ok: false, reason: `month ${month} does not exist` }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > daysInMonth)
    return { ok: false, reason: `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}` }
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `time of day ${h}:${mi}:${s} is out of range` }
  const millis = Number((`${frac}000`).slice(0, 3))
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis)
  return { ok: true, ms: wall - offsetMs(zone) }
}

function offsetMs(zone: string | undefined): number {
  if (!zone)
    return SHANGHAI_OFFSET_MS
  if (zone.toUpperCase() === 'Z')
    return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000
}

/** First day of the Asia/Shanghai calendar month that contains the instant, as 'YYYY-MM-01'. */
export function shanghaiMonthStart(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7)}-01`
}

/** The current month in Asia/Shanghai, as 'YYYY-MM'. */
export function currentShanghaiMonth(now = Date.now()): string {
  return shanghaiMonthStart(now).slice(0, 7)
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}
