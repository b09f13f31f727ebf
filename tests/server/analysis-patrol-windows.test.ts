import { hourWeekdayMatrix, recommendPatrolWindows } from '@riskmap/server/analysis/patrol-windows.ts'
import { describe, expect, it } from 'vitest'

/** An instant from Asia/Shanghai wall time; 2026-05-04 is a Monday. */
const at = (local: string) => Date.parse(`${local}:00+08:00`)

// Twelve events, by hand:
//   Monday 05-04: 08:15, and an evening peak 19:10 19:40 20:05 20:50 21:30
//   Friday night 05-08 23:30 23:45 running into Saturday 05-09 00:20 01:10
//   Sunday 05-10 23:50 and Monday 05-11 00:10 (a Monday of the next week)
const events = [
  '2026-05-04T08:15',
  '2026-05-04T19:10',
  '2026-05-04T19:40',
  '2026-05-04T20:05',
  '2026-05-04T20:50',
  '2026-05-04T21:30',
  '2026-05-08T23:30',
  '2026-05-08T23:45',
  '2026-05-09T00:20',
  '2026-05-09T01:10',
  '2026-05-10T23:50',
  '2026-05-11T00:10',
].map(at)

describe('patrol windows', () => {
  it('counts events by Asia/Shanghai weekday and hour', () => {
    const { counts, total } = hourWeekdayMatrix(events)
    expect(total).toBe(12)
    expect(counts).toHaveLength(7)
    expect(counts[0]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 0, 0])
    expect(counts[4]![23]).toBe(2)
    expect(counts[5]!.slice(0, 3)).toEqual([1, 1, 0])
    expect(counts[6]![23]).toBe(1)
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(12)
    // 23:30 UTC on Sunday is 07:30 on Monday in Shanghai.
    expect(hourWeekdayMatrix([Date.parse('2026-05-03T23:30:00Z')]).counts[0]![7]).toBe(1)
  })

  it('recommends the best 2-hour windows over all days, wrapping midnight, without repeating a peak', () => {
    // Hours summed over the days: 0h 2, 1h 1, 8h 1, 19h 2, 20h 2, 21h 1, 23h 3.
    // 23–01 holds 5 and 19–21 holds 4. 00–02, 20–22 and 22–00 hold 3 but share an hour with
    // those, and 18–20 (2) shares 19h; of the 1s, 01–03 starts earliest.
    const windows = recommendPatrolWindows(hourWeekdayMatrix(events), { hours: 2, by: 'overall' })
    expect(windows).toEqual([
      { startHour: 23, hours: 2, start: '23:00', end: '01:00', count: 5, share: 5 / 12 },
      { startHour: 19, hours: 2, start: '19:00', end: '21:00', count: 4, share: 4 / 12 },
      { startHour: 1, hours: 2, start: '01:00', end: '03:00', count: 1, share: 1 / 12 },
    ])
  })

  it('recommends the best 3-hour window of each weekday, running into the next day', () => {
    // Monday 19–22 holds 5. Friday 23–02 holds Friday's 2 and Saturday's 00h and 01h: 4. Saturday's
    // own events are then taken, so Saturday gets none. Sunday 22–01 and 23–02 both hold 2 (Sunday
    // 23h and Monday 00h): the earlier start wins. Days without events get nothing.
    const windows = recommendPatrolWindows(hourWeekdayMatrix(events), { hours: 3, by: 'weekday', top: 1 })
    expect(windows).toEqual([
      { day: 1, startHour: 19, hours: 3, start: '19:00', end: '22:00', count: 5, share: 5 / 12 },
      { day: 5, startHour: 23, hours: 3, start: '23:00', end: '02:00', count: 4, share: 4 / 12 },
      { day: 7, startHour: 22, hours: 3, start: '22:00', end: '01:00', count: 2, share: 2 / 12 },
    ])
    // With two per day, Monday's second is the earliest window holding 08:15 (06–09): its 00:10
    // event already lies in Sunday's night window, which outranks any window holding one event.
    const two = recommendPatrolWindows(hourWeekdayMatrix(events), { hours: 3, by: 'weekday', top: 2 })
    expect(two.filter(w => w.day === 1).map(w => [w.start, w.count])).toEqual([['19:00', 5], ['06:00', 1]])
  })

  it('breaks ties by the earlier start and returns nothing without events', () => {
    const flat = hourWeekdayMatrix(['2026-05-05T03:10', '2026-05-05T15:10'].map(at))
    expect(recommendPatrolWindows(flat, { hours: 4, by: 'overall', top: 1 })).toEqual([
      { startHour: 0, hours: 4, start: '00:00', end: '04:00', count: 1, share: 0.5 },
    ])
    const whole = recommendPatrolWindows(flat, { hours: 24, by: 'overall' })
    expect(whole).toEqual([{ startHour: 0, hours: 24, start: '00:00', end: '00:00', count: 2, share: 1 }])
    const empty = hourWeekdayMatrix([])
    expect(empty.total).toBe(0)
    expect(recommendPatrolWindows(empty, { hours: 2, by: 'weekday' })).toEqual([])
  })

  it('rejects bad input with a clear message', () => {
    const matrix = hourWeekdayMatrix(events)
    expect(() => recommendPatrolWindows(matrix, { hours: 0, by: 'overall' })).toThrow(/1 to 24 whole hours, got 0/)
    expect(() => recommendPatrolWindows(matrix, { hours: 25, by: 'overall' })).toThrow(/got 25/)
    expect(() => recommendPatrolWindows(matrix, { hours: 2.5, by: 'overall' })).toThrow(/got 2.5/)
    expect(() => recommendPatrolWindows(matrix, { hours: 2, by: 'overall', top: 0 })).toThrow(/top must be/)
    expect(() => hourWeekdayMatrix([Number.NaN])).toThrow(/not an instant/)
  })
})
