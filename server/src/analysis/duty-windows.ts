// On-duty hours as weekly time windows in Asia/Shanghai local time. A window runs from `start`
// (inclusive) to `end` (exclusive) on each of its `days` (ISO weekdays, 1 = Monday … 7 = Sunday;
// all seven when omitted). When end ≤ start the window is overnight and ends on the next day:
// { days: [5], start: '22:00', end: '06:00' } is Friday 22:00 to Saturday 06:00, and Sunday's
// overnight window runs into Monday. '24:00' is allowed as an end only; start = end is rejected.
// China has kept UTC+8 without daylight saving since 1991, so local time is the instant plus
// eight hours, whatever the server's own time zone.

export interface DutyWindowInput {
  days?: number[]
  start: string
  end: string
}

export interface DutyWindow {
  days: number[]
  start: string
  end: string
  /** Minutes after local midnight. */
  startMinute: number
  /** Minutes after the start day's local midnight: past 1440 for an overnight window. */
  endMinute: number
}

export type ParsedDutyWindows = { ok: true, windows: DutyWindow[] } | { ok: false, message: string }

export interface DutyOverlap {
  /** Indices of the two windows, first < second. */
  first: number
  second: number
  /** The first moment of the week both cover: ISO weekday and local 'HH:MM'. */
  day: number
  at: string
}

const DAY = 1440
const WEEK = 7 * DAY
const SHANGHAI_OFFSET_MS = 8 * 3600_000
const hhmm = /^(\d{2}):(\d{2})$/

/** Validates on-duty windows; the message names the window (numbered from 1) and the field. */
export function parseDutyWindows(input: unknown): ParsedDutyWindows {
  if (!Array.isArray(input))
    return { ok: false, message: 'on-duty hours must be a list of windows such as { "start": "08:00", "end": "18:00" }' }
  const windows: DutyWindow[] = []
  for (const [i, raw] of input.entries()) {
    const name = `window ${i + 1}`
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return { ok: false, message: `${name} must be an object with start and end` }
    const { days = [1, 2, 3, 4, 5, 6, 7], start, end, ...extra } = raw as Record<string, unknown>
    const unknownKey = Object.keys(extra)[0]
    if (unknownKey !== undefined)
      return { ok: false, message: `${name} has an unknown field "${clip(unknownKey)}": only days, start and end are allowed` }
    const missing = start === undefined ? 'start' : end === undefined ? 'end' : undefined
    if (missing)
      return { ok: false, message: `${name}: ${missing} is missing; give it as HH:MM` }
    const startMinute = minuteOfDay(start, false)
    if (startMinute === undefined)
      return { ok: false, message: `${name}: start ${show(start)} is not a time of day HH:MM from 00:00 to 23:59` }
    const endMinute = minuteOfDay(end, true)
    if (endMinute === undefined)
      return { ok: false, message: `${name}: end ${show(end)} is not a time of day HH:MM from 00:00 to 24:00` }
    if (endMinute === startMinute)
      return { ok: false, message: `${name}: start and end are both ${start}; for all day use 00:00 to 24:00` }
    if (!Array.isArray(days) || !days.length)
      return { ok: false, message: `${name}: days must be a non-empty list of weekdays 1 (Monday) to 7 (Sunday)` }
    const bad = days.find(d => !Number.isInteger(d) || d < 1 || d > 7)
    if (bad !== undefined)
      return { ok: false, message: `${name}: day ${show(bad)} is not a weekday 1 (Monday) to 7 (Sunday)` }
    if (new Set(days).size !== days.length)
      return { ok: false, message: `${name}: days lists a weekday twice` }
    windows.push({
      days: [...days as number[]].sort((a, b) => a - b),
      start: start as string,
      end: end as string,
      startMinute,
      endMinute: endMinute > startMinute ? endMinute : endMinute + DAY,
    })
  }
  return { ok: true, windows }
}

/** The stretches of the week a window covers, as [from, to) minutes after Monday 00:00. */
export function weeklyIntervals(window: DutyWindow): [number, number][] {
  const out: [number, number][] = []
  for (const day of window.days) {
    const from = (day - 1) * DAY + window.startMinute
    const to = (day - 1) * DAY + window.endMinute
    if (to <= WEEK)
      out.push([from, to])
    else
      out.push([from, WEEK], [0, to - WEEK])
  }
  return out
}

/** Every pair of windows that share some moment of the week (touching ends do not overlap). */
export function overlaps(windows: ReadonlyArray<DutyWindow>): DutyOverlap[] {
  const intervals = windows.map(weeklyIntervals)
  const out: DutyOverlap[] = []
  for (let a = 0; a < windows.length; a++) {
    for (let b = a + 1; b < windows.length; b++) {
      let first = Infinity
      for (const [f1, t1] of intervals[a]!) {
        for (const [f2, t2] of intervals[b]!) {
          if (Math.max(f1, f2) < Math.min(t1, t2))
            first = Math.min(first, Math.max(f1, f2))
        }
      }
      if (first < Infinity)
        out.push({ first: a, second: b, day: Math.floor(first / DAY) + 1, at: clock(first % DAY) })
    }
  }
  return out
}

/** Whether any window covers the instant (epoch milliseconds), read in Asia/Shanghai time. */
export function onDutyAt(windows: ReadonlyArray<DutyWindow>, instant: number | Date): boolean {
  const minute = shanghaiMinuteOfWeek(typeof instant === 'number' ? instant : instant.getTime())
  return windows.some(w => weeklyIntervals(w).some(([from, to]) => from <= minute && minute < to))
}

/** Minutes (with fraction) after Monday 00:00 Asia/Shanghai of the week holding the instant. */
export function shanghaiMinuteOfWeek(ms: number): number {
  const local = ms + SHANGHAI_OFFSET_MS
  // 1970-01-01 was a Thursday: shift by three days so weeks start on Monday.
  const sinceMonday = local + 3 * 86_400_000
  const weekMs = WEEK * 60_000
  return (((sinceMonday % weekMs) + weekMs) % weekMs) / 60_000
}

function minuteOfDay(value: unknown, isEnd: boolean): number | undefined {
  const m = typeof value === 'string' ? hhmm.exec(value) : null
  if (!m)
    return undefined
  const minute = Number(m[1]) * 60 + Number(m[2])
  if (Number(m[2]) > 59 || minute > (isEnd ? DAY : DAY - 1))
    return undefined
  return minute
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${clip(value)}"` : clip(String(JSON.stringify(value)))
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}
