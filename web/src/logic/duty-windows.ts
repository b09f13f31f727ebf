/**
 * Weekly time windows, as a response unit's duty windows and a patrol zone's shifts both are: one
 * window `{ days?, start, end }` in Asia/Shanghai local time (server/src/analysis/duty-windows.ts
 * has the rules): `days` the ISO weekdays it starts on, `end` exclusive, an end at or before the
 * start running past midnight, `24:00` allowed as an end. All seven days is sent without `days`.
 * What no windows at all means is the feature's to say (units: around the clock; zones: no shift).
 */
export interface DutyWindow { days?: number[], start: string, end: string }

/** A window as the editor holds it: every day listed, times as typed. */
export interface DutyRow { days: number[], start: string, end: string }

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

/** What is wrong with one row, as an i18n key under the editor's `invalid` keys. */
export type DutyRowError = 'start' | 'end' | 'same' | 'days'

const HHMM = /^(\d{2}):(\d{2})$/

/** Minutes after midnight for `HH:MM` (00:00–23:59, or 24:00 when `isEnd`), else undefined. */
export function minuteOf(text: string, isEnd = false): number | undefined {
  const m = HHMM.exec(text)
  if (!m)
    return undefined
  const minutes = Number(m[1]) * 60 + Number(m[2])
  if (Number(m[2]) > 59)
    return undefined
  return minutes < 1440 || (isEnd && minutes === 1440) ? minutes : undefined
}

/** `8:00` or `0800` as typed becomes `08:00`; anything else is left as typed for the check to name. */
export function normalizeTime(text: string): string {
  const t = text.trim().replace('：', ':')
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t)
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t
}

export function windowsToRows(windows: readonly DutyWindow[]): DutyRow[] {
  return windows.map(w => ({ days: w.days ? [...w.days].sort((a, b) => a - b) : [...WEEKDAYS], start: w.start, end: w.end }))
}

/** The windows to send; every day is sent without `days`, as the server stores it. */
export function rowsToWindows(rows: readonly DutyRow[]): DutyWindow[] {
  return rows.map((r) => {
    const days = [...new Set(r.days)].sort((a, b) => a - b)
    const start = normalizeTime(r.start)
    const end = normalizeTime(r.end)
    return days.length === WEEKDAYS.length ? { start, end } : { days, start, end }
  })
}

/**
 * The browser's checks, row by row (null where a row is fine). Overlaps between windows are left
 * to the server, whose message names both windows and the first shared moment.
 */
export function checkRows(rows: readonly DutyRow[]): Array<DutyRowError | null> {
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

/** Runs past midnight into the next day. */
export function isOvernight(w: DutyWindow): boolean {
  const start = minuteOf(w.start)
  const end = minuteOf(w.end, true)
  return start !== undefined && end !== undefined && end <= start
}

/** Weekdays as compact ranges: [1,2,3,5,6] → [[1,3],[5,6]]. */
export function dayRanges(days: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  const out: Array<[number, number]> = []
  for (const d of sorted) {
    const last = out.at(-1)
    if (last && d === last[1] + 1)
      last[1] = d
    else out.push([d, d])
  }
  return out
}

/**
 * The windows in the CSV importer's text form (`1-5 08:00-18:00; 22:00-06:00`), which
 * `parseDutyText` on the server reads back to the same windows.
 */
export function dutyText(windows: readonly DutyWindow[]): string {
  return windows.map((w) => {
    const days = w.days && w.days.length < WEEKDAYS.length
      ? `${dayRanges(w.days).map(([a, b]) => a === b ? String(a) : b === a + 1 ? `${a},${b}` : `${a}-${b}`).join(',')} `
      : ''
    return `${days}${w.start}-${w.end}`
  }).join('; ')
}

/** The words a window is described in; `dayNames` Monday first; `pair` joins two adjacent days. */
export interface DutyWords { dayNames: readonly string[], everyDay: string, through: string, nextDay: string, separator: string, pair: string }

/**
 * A window for people: `周一至周五 08:00–18:00`, `每天 22:00–次日06:00`.
 */
export function describeWindow(w: DutyWindow, words: DutyWords): string {
  const days = !w.days || w.days.length === WEEKDAYS.length
    ? words.everyDay
    : dayRanges(w.days).map(([a, b]) => {
        const name = (d: number) => words.dayNames[d - 1] ?? String(d)
        return a === b ? name(a) : b === a + 1 ? `${name(a)}${words.pair}${name(b)}` : `${name(a)}${words.through}${name(b)}`
      }).join(words.separator)
  return `${days} ${w.start}–${isOvernight(w) ? words.nextDay : ''}${w.end}`
}
