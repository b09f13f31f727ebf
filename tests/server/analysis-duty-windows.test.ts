import type { DutyWindow } from '@riskmap/server/analysis/duty-windows.ts'
import { onDutyAt, overlaps, parseDutyWindows, shanghaiMinuteOfWeek } from '@riskmap/server/analysis/duty-windows.ts'
import { afterEach, describe, expect, it } from 'vitest'

/** An instant from Asia/Shanghai wall time; 2026-05-04 is a Monday. */
const at = (local: string) => Date.parse(`${local}+08:00`)

function parse(input: unknown): DutyWindow[] {
  const parsed = parseDutyWindows(input)
  if (!parsed.ok)
    throw new Error(parsed.message)
  return parsed.windows
}

function message(input: unknown): string {
  const parsed = parseDutyWindows(input)
  return parsed.ok ? 'accepted' : parsed.message
}

describe('on-duty windows', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    process.env.TZ = originalTz
  })

  it('counts minutes of the week from Monday 00:00 in Asia/Shanghai', () => {
    expect(shanghaiMinuteOfWeek(at('2026-05-04T00:00:00'))).toBe(0)
    expect(shanghaiMinuteOfWeek(at('2026-05-10T23:59:00'))).toBe(7 * 1440 - 1)
    expect(shanghaiMinuteOfWeek(at('2026-05-11T00:00:00'))).toBe(0)
    // Sunday 16:00 UTC is already Monday 00:00 in Shanghai.
    expect(shanghaiMinuteOfWeek(Date.parse('2026-05-10T16:00:00Z'))).toBe(0)
    expect(shanghaiMinuteOfWeek(at('1969-12-29T01:30:00'))).toBe(90)
  })

  it('is on duty inside a day window, with the end exclusive', () => {
    const windows = parse([{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:00' }])
    expect(windows[0]).toMatchObject({ startMinute: 510, endMinute: 1020 })
    expect(onDutyAt(windows, at('2026-05-04T08:29:59.999'))).toBe(false)
    expect(onDutyAt(windows, at('2026-05-04T08:30:00'))).toBe(true)
    expect(onDutyAt(windows, at('2026-05-08T16:59:59.999'))).toBe(true)
    expect(onDutyAt(windows, at('2026-05-08T17:00:00'))).toBe(false)
    expect(onDutyAt(windows, new Date(at('2026-05-09T10:00:00')))).toBe(false) // Saturday
    expect(onDutyAt([], at('2026-05-04T10:00:00'))).toBe(false)
  })

  it('runs an overnight window into the next day, and Sunday night into Monday', () => {
    const friday = parse([{ days: [5], start: '22:00', end: '06:00' }])
    expect(friday[0]!.endMinute).toBe(30 * 60)
    expect(onDutyAt(friday, at('2026-05-08T21:59:00'))).toBe(false)
    expect(onDutyAt(friday, at('2026-05-08T22:00:00'))).toBe(true)
    expect(onDutyAt(friday, at('2026-05-09T00:00:00'))).toBe(true) // Saturday midnight
    expect(onDutyAt(friday, at('2026-05-09T05:59:59.999'))).toBe(true)
    expect(onDutyAt(friday, at('2026-05-09T06:00:00'))).toBe(false)
    expect(onDutyAt(friday, at('2026-05-09T23:00:00'))).toBe(false) // Saturday night is not Friday's
    expect(onDutyAt(friday, at('2026-05-08T03:00:00'))).toBe(false) // Friday early: Thursday's night
    const sunday = parse([{ days: [7], start: '20:00', end: '02:00' }])
    expect(onDutyAt(sunday, at('2026-05-10T23:59:59'))).toBe(true)
    expect(onDutyAt(sunday, at('2026-05-11T01:59:59'))).toBe(true) // Monday of the next week
    expect(onDutyAt(sunday, at('2026-05-04T01:00:00'))).toBe(true) // and of every week
    expect(onDutyAt(sunday, at('2026-05-11T02:00:00'))).toBe(false)
  })

  it('reads 24:00 and an end of 00:00 as midnight at the end of the start day', () => {
    const evening = parse([{ days: [1], start: '18:00', end: '00:00' }])
    const untilMidnight = parse([{ days: [1], start: '18:00', end: '24:00' }])
    expect(evening[0]!.endMinute).toBe(1440)
    expect(untilMidnight[0]!.endMinute).toBe(1440)
    expect(onDutyAt(evening, at('2026-05-04T23:59:59.999'))).toBe(true)
    expect(onDutyAt(evening, at('2026-05-05T00:00:00'))).toBe(false)
    const allDay = parse([{ start: '00:00', end: '24:00' }])
    expect(allDay[0]!.days).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(onDutyAt(allDay, at('2026-05-05T00:00:00'))).toBe(true)
    expect(onDutyAt(allDay, at('2026-05-10T23:59:59.999'))).toBe(true)
  })

  it('does not depend on the server time zone', () => {
    const windows = parse([{ days: [1], start: '07:00', end: '08:00' }])
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = tz
      expect(onDutyAt(windows, at('2026-05-04T07:30:00'))).toBe(true)
      expect(onDutyAt(windows, at('2026-05-05T07:30:00'))).toBe(false)
    }
  })

  it('finds overlapping shifts and says when they first meet; touching shifts do not overlap', () => {
    const shifts = parse([
      { days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' },
      { days: [1, 2, 3, 4, 5], start: '16:00', end: '24:00' },
      { days: [5], start: '22:00', end: '06:00' },
      { days: [6, 7], start: '00:00', end: '08:00' },
      { days: [7], start: '23:00', end: '01:00' },
      { days: [1], start: '00:30', end: '08:00' },
    ])
    expect(overlaps(shifts)).toEqual([
      // Friday 22:00–24:00 is in both.
      { first: 1, second: 2, day: 5, at: '22:00' },
      // Friday's night shift runs into Saturday 00:00–06:00.
      { first: 2, second: 3, day: 6, at: '00:00' },
      // Sunday 23:00 runs into Monday 00:30 of the next week.
      { first: 4, second: 5, day: 1, at: '00:30' },
    ])
    expect(overlaps(shifts.slice(0, 2))).toEqual([])
    expect(overlaps([])).toEqual([])
  })

  it('rejects malformed windows with a message naming the window and the field', () => {
    expect(message({ start: '08:00', end: '17:00' })).toMatch(/must be a list/)
    expect(message([null])).toBe('window 1 must be an object with start and end')
    expect(message([{ start: '08:00', end: '09:00' }, { start: '8:00', end: '17:00' }])).toMatch(/^window 2: start "8:00" is not a time of day HH:MM/)
    expect(message([{ start: '24:00', end: '06:00' }])).toMatch(/start "24:00" is not a time of day/)
    expect(message([{ start: '12:60', end: '13:00' }])).toMatch(/start "12:60"/)
    expect(message([{ start: '12:00', end: '24:01' }])).toMatch(/end "24:01"/)
    expect(message([{ start: '12:00' }])).toBe('window 1: end is missing; give it as HH:MM')
    expect(message([{ start: 800, end: '17:00' }])).toMatch(/start 800 is not/)
    expect(message([{ start: '08:00', end: '08:00' }])).toMatch(/both 08:00; for all day use 00:00 to 24:00/)
    expect(message([{ days: [], start: '08:00', end: '09:00' }])).toMatch(/days must be a non-empty list/)
    expect(message([{ days: 'Mon', start: '08:00', end: '09:00' }])).toMatch(/days must be a non-empty list/)
    expect(message([{ days: [0], start: '08:00', end: '09:00' }])).toMatch(/day 0 is not a weekday/)
    expect(message([{ days: [8], start: '08:00', end: '09:00' }])).toMatch(/day 8 is not a weekday/)
    expect(message([{ days: [1.5], start: '08:00', end: '09:00' }])).toMatch(/day 1.5 is not a weekday/)
    expect(message([{ days: [1, 1], start: '08:00', end: '09:00' }])).toMatch(/twice/)
    expect(message([{ start: '08:00', end: '09:00', team: '夜班' }])).toMatch(/unknown field "team"/)
    const hostile = `'; DROP TABLE unit; -- $1 😀${'x'.repeat(500)}`
    const long = message([{ start: hostile, end: '09:00' }])
    expect(long).toMatch(/^window 1: start "'; DROP TABLE unit; -- \$1 😀x+…" is not a time of day/)
    expect(long.length).toBeLessThan(120)
    expect(parseDutyWindows([])).toEqual({ ok: true, windows: [] })
  })
})
