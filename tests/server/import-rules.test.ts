import { checkCoordinates, toWgs84 } from '@riskmap/server/import/coords.ts'
import { decodeCsv } from '@riskmap/server/import/csv-input.ts'
import { parseNumber } from '@riskmap/server/import/event-rows.ts'
import { parseOccurredAt, shanghaiMonthStart } from '@riskmap/server/import/time.ts'
import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'

function month(s: string) {
  const t = parseOccurredAt(s)
  if (!t.ok)
    throw new Error(t.reason)
  return shanghaiMonthStart(t.ms)
}

describe('occurred_at', () => {
  it('reads a time without offset as Asia/Shanghai local time', () => {
    expect(month('2026-01-31 23:59:59')).toBe('2026-01-01')
    expect(month('2026-02-01T00:00:00')).toBe('2026-02-01')
  })
  it('puts UTC instants into the Shanghai month', () => {
    // 16:00Z on the 31st is 00:00 on the 1st in Shanghai.
    expect(month('2026-01-31T16:00:00Z')).toBe('2026-02-01')
    expect(month('2026-01-31T15:59:59Z')).toBe('2026-01-01')
    expect(month('2026-01-31T23:30:00-01:00')).toBe('2026-02-01')
    expect(month('2025-12-31T16:00:00.000+00:00')).toBe('2026-01-01')
  })
  it('rejects impossible dates and garbage with a reason', () => {
    for (const bad of ['2026-02-30 10:00', '2026-13-01', 'yesterday', '', '2026-01-01 25:00', '1800-01-01', `2026-01-01'; DROP TABLE event;--`]) {
      const r = parseOccurredAt(bad)
      expect(r.ok, bad).toBe(false)
    }
  })
})

describe('numbers', () => {
  it('accepts plain decimals only', () => {
    expect(parseNumber('106.5')).toBe(106.5)
    expect(parseNumber('-1e-3')).toBe(-0.001)
    for (const bad of ['', 'NaN', 'Infinity', '0x10', '1,5', '12abc', ' '])
      expect(parseNumber(bad), bad).toBeNull()
  })
})

describe('coordinates', () => {
  it('detects swapped latitude and longitude', () => {
    const r = checkCoordinates(29.48, 106.48)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(/swapped/)
    expect(!r.ok && r.hint).toMatch(/lon=106.48, lat=29.48/)
  })
  it('detects projected metres', () => {
    const r = checkCoordinates(500000, 3300000)
    expect(!r.ok && r.reason).toMatch(/projected/)
  })
  it('inverts GCJ-02 and BD-09 to within a millimetre', () => {
    for (const p of [[106.48, 29.46], [122.84, 45.62]] as Array<[number, number]>) {
      const g = gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number]
      const b = gcoord.transform(p, gcoord.WGS84, gcoord.BD09) as [number, number]
      for (const [q, crs] of [[g, 'gcj02'], [b, 'bd09']] as const) {
        const [x, y] = toWgs84(q[0], q[1], crs)
        expect(Math.abs(x - p[0])).toBeLessThan(1e-8)
        expect(Math.abs(y - p[1])).toBeLessThan(1e-8)
      }
    }
  })
})

describe('encoding', () => {
  it('decodes a GB18030 spreadsheet export', () => {
    const gbk = new Uint8Array([0xD0, 0xC2, 0xC9, 0xBD]) // 新山 in GBK
    expect(decodeCsv(gbk)).toEqual({ text: '新山', encoding: 'gb18030' })
    expect(decodeCsv(new TextEncoder().encode('新山')).encoding).toBe('utf-8')
  })
})
