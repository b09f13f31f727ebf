import { describe, expect, it } from 'vitest'
import { attributeRows, formatCoordinates, formatShanghaiTime } from '../../web/src/logic/event-details.ts'

describe('formatShanghaiTime', () => {
  it('shows Beijing wall-clock time whatever the zone of the instant', () => {
    expect(formatShanghaiTime('2026-01-31T16:00:00Z', 'en-GB')).toBe('01/02/2026, 00:00:00')
    expect(formatShanghaiTime('2026-02-01T00:00:00+08:00', 'en-GB')).toBe('01/02/2026, 00:00:00')
    expect(formatShanghaiTime('2025-06-30T15:59:59Z', 'zh-CN')).toBe('2025/06/30 23:59:59')
  })
  it('passes bad input through rather than throwing', () => {
    expect(formatShanghaiTime(null, 'zh-CN')).toBe('—')
    expect(formatShanghaiTime('not a time', 'zh-CN')).toBe('not a time')
  })
})

describe('formatCoordinates', () => {
  it('writes lon, lat to six decimals', () => {
    expect(formatCoordinates(106.4821, 29.4712)).toBe('106.482100, 29.471200')
  })
  it('gives a dash for missing or non-finite values', () => {
    expect(formatCoordinates(null, 29)).toBe('—')
    expect(formatCoordinates(106, Number.NaN)).toBe('—')
  })
})

describe('attributeRows', () => {
  it('sorts keys and stringifies values, hostile ones included', () => {
    expect(attributeRows({ synthetic: 'true', channel: '110', note: '引号 "; $x 😀', nested: { a: 1 }, none: null })).toEqual([
      { key: 'channel', value: '110' },
      { key: 'nested', value: '{"a":1}' },
      { key: 'none', value: '—' },
      { key: 'note', value: '引号 "; $x 😀' },
      { key: 'synthetic', value: 'true' },
    ])
  })
  it('is empty for anything but an object', () => {
    expect(attributeRows(null)).toEqual([])
    expect(attributeRows(['a'])).toEqual([])
    expect(attributeRows('x')).toEqual([])
  })
})
