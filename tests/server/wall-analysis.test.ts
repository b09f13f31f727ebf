import { MIN_TOTAL, testChange } from '@riskmap/server/analysis/change-significance.ts'
import { resolutionFormulas, resolutionRate } from '@riskmap/server/wall/resolution.ts'
import { daysSince, shanghaiMonthEndExclusive } from '@riskmap/server/wall/shanghai-days.ts'
import { significantChanges, tourLine } from '@riskmap/server/wall/tour.ts'
import { describe, expect, it } from 'vitest'

const at = (iso: string) => Date.parse(iso)
function row(code: string, current: number, previous: number, level: 'district' | 'township' = 'township') {
  return { code, name: `镇${code}`, level, parentName: '某区', population: null, current, previous }
}

describe('days since, in Asia/Shanghai calendar days', () => {
  it('counts midnight in Shanghai, not in UTC', () => {
    expect(daysSince(at('2026-01-31T23:30:00+08:00'), at('2026-02-01T00:30:00+08:00'))).toBe(1)
    expect(daysSince(at('2026-02-01T00:10:00+08:00'), at('2026-02-01T23:50:00+08:00'))).toBe(0)
    // 16:30 UTC on 31 May is already 1 June in Shanghai.
    expect(daysSince(at('2025-05-31T16:30:00Z'), at('2025-06-30T23:59:59+08:00'))).toBe(29)
    expect(daysSince(at('2024-02-28T12:00:00+08:00'), at('2024-03-01T12:00:00+08:00'))).toBe(2)
    expect(daysSince(at('2025-12-31T23:59:00+08:00'), at('2026-01-01T00:00:00+08:00'))).toBe(1)
  })

  it('ends a month at the first instant of the next one in Shanghai', () => {
    expect(shanghaiMonthEndExclusive('2025-06')).toBe(at('2025-07-01T00:00:00+08:00'))
    expect(shanghaiMonthEndExclusive('2025-12')).toBe(at('2026-01-01T00:00:00+08:00'))
  })
})

describe('the resolution rate', () => {
  it('is closed ÷ received in percent, with no rate when nothing was received', () => {
    expect(resolutionRate(30, 40)).toBe(75)
    expect(resolutionRate(5, 0)).toBeNull()
    expect(resolutionRate(50, 40)).toBe(125)
    expect(resolutionFormulas.D1).toMatchObject({ closed: ['D1-12'], received: ['D1-01', 'D1-02', 'D1-03', 'D1-04', 'D1-05', 'D1-06', 'D1-07', 'D1-08', 'D1-09'] })
  })
})

describe('tour stops', () => {
  it('keep only significant changes, by |z| then code, never tiny counts', () => {
    const rows = [row('a', 3, 0), row('b', 16, 2), row('c', 1, 9), row('d', 6, 5), row('e', 9, 1), row('f', 0, 0)]
    const stops = significantChanges(rows, 10)
    // a: 0 → 3 has z = 3.46 but C + P = 3 < MIN_TOTAL: no stop.
    expect(testChange(3, 0).zFlag).toBe('warning')
    expect(MIN_TOTAL).toBe(6)
    expect(stops.map(s => s.code)).toEqual(['b', 'c', 'e'])
    expect(stops.map(s => s.z)).toEqual([2 * (4 - Math.SQRT2), -4, 4])
    expect(significantChanges(rows, 1).map(s => s.code)).toEqual(['b'])
  })

  it('are explained in one line from their numbers', () => {
    const [b, c] = significantChanges([row('b', 16, 2), row('c', 1, 9)], 3)
    const names = { zh: '邻里纠纷警情', en: 'Neighbour dispute calls' }
    expect(tourLine(b!, names)).toEqual({
      zh: '某区镇b 邻里纠纷警情 本月 16 起，环比上升 700%（z=5.2，高度显著）',
      en: '某区镇b Neighbour dispute calls: 16 this month, up 700% on last month (z=5.2, highly significant)',
    })
    expect(tourLine(c!, names).zh).toBe('某区镇c 邻里纠纷警情 本月 1 起，环比下降 89%（z=-4.0，高度显著）')
    const fromNothing = significantChanges([row('z', 8, 0, 'district')], 1)[0]!
    expect(fromNothing.fullName).toBe('镇z')
    expect(tourLine(fromNothing, names)).toEqual({
      zh: '镇z 邻里纠纷警情 本月 8 起，上月 0 起（z=5.7，高度显著）',
      en: '镇z Neighbour dispute calls: 8 this month, none last month (z=5.7, highly significant)',
    })
    const notice = significantChanges([row('n', 12, 5)], 1)[0]!
    expect(notice.flag).toBe('notice')
    expect(tourLine(notice, names).zh).toBe('某区镇n 邻里纠纷警情 本月 12 起，环比上升 140%（z=2.5，显著）')
  })
})
