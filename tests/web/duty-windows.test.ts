import { describe, expect, it } from 'vitest'
import { parseDutyText } from '../../server/src/response/duty.ts'
import { checkRows, dayRanges, describeWindow, dutyText, isOvernight, minuteOf, normalizeTime, rowsToWindows, windowsToRows } from '../../web/src/logic/duty-windows.ts'

const words = { dayNames: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], everyDay: '每天', through: '至', nextDay: '次日', separator: '、', pair: '、' }

describe('duty-window rows', () => {
  it('sends every day without `days`, and reads it back as seven days', () => {
    const rows = [{ days: [7, 1, 2, 3, 4, 5, 6], start: '22:00', end: '06:00' }, { days: [5, 1, 3], start: '8:00', end: '1800' }]
    expect(rowsToWindows(rows)).toEqual([{ start: '22:00', end: '06:00' }, { days: [1, 3, 5], start: '08:00', end: '18:00' }])
    expect(windowsToRows(rowsToWindows(rows))).toEqual([
      { days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' },
      { days: [1, 3, 5], start: '08:00', end: '18:00' },
    ])
  })

  it('drops a day listed twice', () => {
    expect(rowsToWindows([{ days: [2, 2, 1], start: '08:00', end: '09:00' }])).toEqual([{ days: [1, 2], start: '08:00', end: '09:00' }])
  })

  it('names what is wrong with each row, and leaves overlaps to the server', () => {
    expect(checkRows([
      { days: [1], start: '08:00', end: '18:00' },
      { days: [1], start: '24:00', end: '06:00' },
      { days: [1], start: '08:00', end: '24:01' },
      { days: [1], start: '08:60', end: '09:00' },
      { days: [1], start: '00:00', end: '00:00' },
      { days: [], start: '08:00', end: '09:00' },
      { days: [1], start: '00:00', end: '24:00' },
      { days: [1], start: 'x', end: '09:00' },
      { days: [1], start: '07:00', end: '19:00' },
    ])).toEqual([null, 'start', 'end', 'start', 'same', 'days', null, 'start', null])
  })

  it('reads times as the server does: 24:00 only as an end', () => {
    expect(minuteOf('00:00')).toBe(0)
    expect(minuteOf('23:59')).toBe(1439)
    expect(minuteOf('24:00')).toBeUndefined()
    expect(minuteOf('24:00', true)).toBe(1440)
    expect(minuteOf('7:00')).toBeUndefined()
    expect(normalizeTime(' 7:05 ')).toBe('07:05')
    expect(normalizeTime('0730')).toBe('07:30')
    expect(normalizeTime('7：30')).toBe('07:30')
    expect(normalizeTime('late')).toBe('late')
  })
})

describe('duty windows as text', () => {
  it('compacts weekdays into ranges', () => {
    expect(dayRanges([5, 1, 2, 3, 7])).toEqual([[1, 3], [5, 5], [7, 7]])
    expect(dayRanges([])).toEqual([])
  })

  it('writes the CSV importer\'s form, which the server reads back to the same windows', () => {
    const windows = [
      { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
      { days: [6, 7], start: '10:00', end: '16:00' },
      { days: [1, 2, 4], start: '18:00', end: '20:00' },
      { start: '22:00', end: '06:00' },
    ]
    const text = dutyText(windows)
    expect(text).toBe('1-5 08:00-18:00; 6,7 10:00-16:00; 1,2,4 18:00-20:00; 22:00-06:00')
    expect(parseDutyText(text)).toEqual({ ok: true, windows })
  })

  it('describes windows for people, marking those that run into the next day', () => {
    expect(describeWindow({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, words)).toBe('周一至周五 08:00–18:00')
    expect(describeWindow({ start: '22:00', end: '06:00' }, words)).toBe('每天 22:00–次日06:00')
    expect(describeWindow({ days: [6, 7], start: '00:00', end: '24:00' }, words)).toBe('周六、周日 00:00–24:00')
    expect(isOvernight({ start: '00:00', end: '24:00' })).toBe(false)
    expect(isOvernight({ start: '18:00', end: '18:00' })).toBe(true)
  })
})
