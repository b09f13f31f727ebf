import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../web/src/logic/wall-backoff.ts'
import { quantileBreaks } from '../../web/src/logic/wall-breaks.ts'
import { changeView, clockTime, tileValue } from '../../web/src/logic/wall-format.ts'
import { wallToggles } from '../../web/src/logic/wall-layers.ts'
import { parseWallQuery } from '../../web/src/logic/wall-query.ts'
import { nextScene, sceneDurationMs, scenePeriod, sceneRegionQuery, tourStopMs } from '../../web/src/logic/wall-scenes.ts'
import { SseParser } from '../../web/src/logic/wall-sse.ts'

describe('backoffDelay', () => {
  it('doubles from 1 s, caps at 30 s, and jitters within the upper half of each step', () => {
    expect(backoffDelay(0, () => 0)).toBe(500)
    expect(backoffDelay(0, () => 1)).toBe(1000)
    expect(backoffDelay(3, () => 1)).toBe(8000)
    expect(backoffDelay(3, () => 0)).toBe(4000)
    expect(backoffDelay(10, () => 1)).toBe(30_000)
    expect(backoffDelay(1000, () => 0.5)).toBe(22_500)
  })
})

describe('sseParser', () => {
  it('parses events across chunk boundaries, multi-line data, ids, retry and comments', () => {
    const p = new SseParser()
    expect(p.push('retry: 3000\n: comment\nid: 7\nevent: hel')).toEqual([])
    expect(p.retry).toBe(3000)
    expect(p.push('lo\ndata: {"a":1}\n\nevent: import\ndata: x\ndata: y\n')).toEqual([{ event: 'hello', data: '{"a":1}', id: '7' }])
    expect(p.push('\n')).toEqual([{ event: 'import', data: 'x\ny', id: '7' }])
  })
  it('treats a CRLF split across chunks as one line end', () => {
    const p = new SseParser()
    expect(p.push('data: 1\r')).toEqual([])
    expect(p.push('\ndata: 2\r\n\r\n')).toEqual([{ event: 'message', data: '1\n2', id: null }])
  })
  it('does not dispatch a message without data', () => {
    const p = new SseParser()
    expect(p.push('event: heartbeat\n\ndata: z\n\n')).toEqual([{ event: 'message', data: 'z', id: null }])
  })
})

describe('wall format', () => {
  it('shows direction, percentage and significance; the absolute change when the base is 0', () => {
    expect(changeView({ previous: 10, change: 8, changePct: 80, z: 2.3, flag: 'notice' }, 'en'))
      .toEqual({ arrow: '▲', text: '+80%', flag: 'notice', direction: 'up' })
    expect(changeView({ previous: 40, change: -3, changePct: -7.5, z: -0.5, flag: 'none' }, 'en').text).toBe('−7.5%')
    expect(changeView({ previous: 0, change: 4, changePct: null, z: 4, flag: 'warning' }, 'en').text).toBe('+4')
    expect(changeView(null, 'en').direction).toBe('none')
  })
  it('formats tile values and the banner clock', () => {
    expect(tileValue(1234, 'count', 'en')).toBe('1,234')
    expect(tileValue(87.25, 'percent', 'en')).toBe('87.3')
    expect(tileValue(null, 'days', 'en')).toBe('—')
    expect(clockTime(new Date(2026, 0, 1, 7, 5))).toBe('07:05')
    expect(clockTime(null)).toBe('--:--')
  })
})

describe('wall scenes', () => {
  it('times scenes by their own duration, else the URL override, else the playlist interval', () => {
    expect(sceneDurationMs({ durationS: 20 }, 30, 3)).toBe(3000)
    expect(sceneDurationMs({ durationS: 20 }, 30)).toBe(20_000)
    expect(sceneDurationMs({}, 30)).toBe(30_000)
    expect(sceneDurationMs({}, 30, 0.5)).toBe(2000)
    expect(nextScene(2, 3)).toBe(0)
    expect(nextScene(0, 3)).toBe(1)
    expect(tourStopMs(30_000, 5)).toBe(6000)
    expect(tourStopMs(3000, 5)).toBe(2500)
  })
  it('ends periods at the given month, across a year boundary', () => {
    expect(scenePeriod(1, '2026-05')).toEqual({ period: '2026-05', to: '2026-05' })
    expect(scenePeriod(3, '2026-02')).toEqual({ period: '2025-12', to: '2026-02' })
    expect(scenePeriod(12, '2026-12')).toEqual({ period: '2026-01', to: '2026-12' })
  })
  it('asks by parent for child levels and by code prefix otherwise', () => {
    const cities = ['220800', '500000']
    expect(sceneRegionQuery('220800', 'district', cities)).toEqual({ parent: '220800', prefix: '2208' })
    expect(sceneRegionQuery('220800', 'township', cities)).toEqual({ parent: null, prefix: '2208' })
    expect(sceneRegionQuery('500104', 'township', cities)).toEqual({ parent: '500104', prefix: '500104' })
    expect(sceneRegionQuery('500104', 'district', cities)).toEqual({ parent: null, prefix: '500104' })
    expect(sceneRegionQuery('500104003', 'township', cities)).toEqual({ parent: null, prefix: '500104003' })
  })
})

describe('wall query, breaks, layers', () => {
  it('reads playlist and interval, ignoring hostile values', () => {
    expect(parseWallQuery({ playlist: '12', interval: '3', scene: '5' })).toEqual({ playlist: 12, interval: 3, scene: 5 })
    expect(parseWallQuery({ playlist: '1;DROP', interval: '0' })).toEqual({ playlist: null, interval: null, scene: null })
    expect(parseWallQuery({ playlist: ['7', '8'], interval: '99999' })).toEqual({ playlist: 7, interval: null, scene: null })
    expect(parseWallQuery({})).toEqual({ playlist: null, interval: null, scene: null })
  })
  it('computes quantile edges of the regions on show', () => {
    expect(quantileBreaks([0, 10, null, 20, 30, 40], 4)).toEqual([0, 10, 20, 30, 40])
    expect(quantileBreaks([null], 5)).toEqual([])
  })
  it('maps scene layers to switches; overlays turn the choropleth fill off', () => {
    expect(wallToggles('heatmap')).toMatchObject({ choropleth: false, heatmap: true, points: false })
    expect(wallToggles('choropleth')).toMatchObject({ choropleth: true, heatmap: false })
    expect(wallToggles('gistar')).toMatchObject({ choropleth: false, heatmap: false, points: false, hexbins: false })
    expect(wallToggles('water')).toMatchObject({ choropleth: false })
  })
})
