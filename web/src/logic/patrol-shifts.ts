/**
 * The shifts editor's rows. A shift is a duty window `{ days?, start, end }` in Asia/Shanghai local
 * time (server/src/analysis/duty-windows.ts): `days` the ISO weekdays it starts on, `end` exclusive,
 * an end at or before the start running past midnight, `24:00` allowed as an end. All seven days
 * is sent without `days`. No rows: no shift scheduled. Overlaps are checked by the server, whose
 * message names both shifts.
 */
export interface Shift { days?: number[], start: string, end: string }
export interface ShiftRow { days: number[], start: string, end: string }
export type ShiftRowError = 'start' | 'end' | 'same' | 'days'

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

/** Minutes after midnight for `HH:MM` (00:00–23:59, or 24:00 when `isEnd`), else undefined. */
export function minuteOf(text: string, isEnd = false): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text)
  if (!m || Number(m[2]) > 59)
    return undefined
  const minutes = Number(m[1]) * 60 + Number(m[2])
  return minutes < 1440 || (isEnd && minutes === 1440) ? minutes : undefined
}

/** `8:00`, `0800` or `8：00` as typed becomes `08:00`; anything else is kept for the check to name. */
export function normalizeTime(text: string): string {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(text.trim().replace('：', ':'))
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim()
}

export function shiftsToRows(shifts: readonly Shift[]): ShiftRow[] {
  return shifts.map(s => ({ days: s.days ? [...s.days].sort((a, b) => a - b) : [...WEEKDAYS], start: s.start, end: s.end }))
}

export function rowsToShifts(rows: readonly ShiftRow[]): Shift[] {
  return rows.map((r) => {
    const days = [...new Set(r.days)].sort((a, b) => a - b)
    const [start, end] = [normalizeTime(r.start), normalizeTime(r.end)]
    return days.length === WEEKDAYS.length ? { start, end } : { days, start, end }
  })
}

/** The browser's checks, row by row (null where a row is fine). */
export function checkShiftRows(rows: readonly ShiftRow[]): Array<ShiftRowError | null> {
  return rows.map((r) => {
    const start = minuteOf(normalizeTime(r.start))
    const end = minuteOf(normalizeTime(r.end), true)
    if (start === undefined)
      return 'start'
    if (end === undefined)
      return 'end'
    if (start === end)
      return 'same'
    return r.days.length ? null : 'days'
  })
}

/** A shift for people: `周一–周五 08:00–16:00`, `每天 20:00–次日02:00`. `dayNames` Monday first. */
export function describeShift(s: Shift, words: { dayNames: readonly string[], everyDay: string, nextDay: string }): string {
  const days = !s.days || s.days.length === WEEKDAYS.length
    ? words.everyDay
    : ranges(s.days).map(([a, b]) => a === b ? words.dayNames[a - 1] : `${words.dayNames[a - 1]}–${words.dayNames[b - 1]}`).join('、')
  const start = minuteOf(s.start)
  const end = minuteOf(s.end, true)
  const overnight = start !== undefined && end !== undefined && end <= start
  return `${days} ${s.start}–${overnight ? words.nextDay : ''}${s.end}`
}

function ranges(days: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const d of [...new Set(days)].sort((a, b) => a - b)) {
    const last = out.at(-1)
    if (last && d === last[1] + 1)
      last[1] = d
    else out.push([d, d])
  }
  return out
}
