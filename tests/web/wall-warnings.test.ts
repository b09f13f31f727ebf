import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import WallTicker from '../../web/src/components/wall/WallTicker.vue'
import { useWallStream } from '../../web/src/composables/use-wall-stream.ts'
import { i18n } from '../../web/src/i18n/index.ts'
import { SseParser, streamEvent } from '../../web/src/logic/wall-sse.ts'
import { addWarning, MAX_LIVE_WARNINGS, parseWarning, tickerLines } from '../../web/src/logic/wall-warnings.ts'
import { useWallStore } from '../../web/src/stores/wall.ts'

/** A warning as health-contract.md announces it; the message has quotes, `;`, `$` and an emoji. */
const announcement = {
  id: 41,
  severity: 'warning',
  region: '500104003',
  regionName: '茄子溪街道',
  indicator: 'A2-01',
  indicatorName: { zh: '涉水警情', en: 'Water incidents' },
  message: { zh: '茄子溪街道 2026-11 环比显著上升："O\'Brien"; $1 🚨', en: 'Qiezixi: significant rise month on month' },
  period: '2026-11',
  at: '2026-12-05T03:00:00.000Z',
}

const eventItem = (at: string, zh: string) => ({ kind: 'event' as const, at, text: { zh, en: zh } })

function sseResponse(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks)
        controller.enqueue(new TextEncoder().encode(c))
      // Left open, as a live server does.
    },
  })
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
}

describe('warnings on the wall', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('reads `event: warning` from the stream, even split mid-line, and checks its data', () => {
    const parser = new SseParser()
    const text = `event: warning\nid: 9\ndata: ${JSON.stringify(announcement)}\n\n`
    const cut = text.indexOf('O\'Brien')
    const messages = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))]
    expect(messages).toHaveLength(1)
    const read = streamEvent(messages[0]!)
    expect(read).toEqual({ type: 'warning', warning: expect.objectContaining({ id: 41, severity: 'warning', region: '500104003', message: announcement.message }) })
    expect(streamEvent({ event: 'warning', data: '{"id":"x"}' })).toBeNull()
    expect(streamEvent({ event: 'warning', data: 'not json' })).toBeNull()
    expect(streamEvent({ event: 'heartbeat', data: '{"dataVersion":3}' })).toEqual({ type: 'heartbeat', dataVersion: 3 })
    expect(parseWarning({ ...announcement, message: { zh: '' } })).toBeNull()
    expect(parseWarning({ ...announcement, at: 'yesterday' })).toBeNull()
    expect(parseWarning({ ...announcement, severity: 'odd', message: { zh: '只有中文' } })).toMatchObject({ severity: 'notice', message: { zh: '只有中文', en: '只有中文' } })
  })

  it('keeps live warnings once each, newest first, capped', () => {
    let list = addWarning([], parseWarning(announcement)!)
    list = addWarning(list, parseWarning({ ...announcement, message: { zh: '更新后的证据' } })!)
    expect(list).toHaveLength(1)
    expect(list[0]!.message.zh).toBe('更新后的证据')
    for (let i = 0; i < 20; i++)
      list = addWarning(list, parseWarning({ ...announcement, id: 100 + i })!)
    expect(list).toHaveLength(MAX_LIVE_WARNINGS)
    expect(list[0]!.id).toBe(119)
  })

  it('merges live warnings into the ticker by time, without repeating one the server lists', () => {
    const w = parseWarning(announcement)!
    const server = [eventItem('2026-12-05T04:00:00.000Z', '新'), eventItem('2026-12-05T02:00:00.000Z', '旧')]
    expect(tickerLines(server, [w]).map(i => i.text.zh)).toEqual(['新', w.message.zh, '旧'])
    const listed = [{ kind: 'warning' as const, at: w.at, text: w.message, region: w.region }, ...server]
    expect(tickerLines(listed, [w]).filter(i => i.kind === 'warning')).toHaveLength(1)
  })

  it('a warning on the stream reaches the ticker without a refetch', async () => {
    const warning = { ...announcement, at: new Date().toISOString() }
    const data = `event: warning\nid: 2\ndata: ${JSON.stringify(warning)}\n\n`
    vi.stubGlobal('fetch', vi.fn(async () => sseResponse(['retry: 3000\n\nevent: hello\nid: 1\ndata: {"dataVersion":4}\n\n', data.slice(0, 30), data.slice(30)])))
    const wall = useWallStore()
    wall.ticker = { items: [eventItem('2026-12-05T01:00:00.000Z', '八桥镇 医疗卫生纠纷诉求')] }
    const onImport = vi.fn()
    const Host = defineComponent({
      setup() {
        useWallStream({ onImport, onResync: vi.fn(), onWarning: w => wall.liveWarnings = addWarning(wall.liveWarnings, w) })
        return () => h(WallTicker)
      },
    })
    const wrapper = mount(Host, { global: { plugins: [i18n] } })
    await vi.waitFor(() => expect(wall.liveWarnings).toHaveLength(1), { timeout: 2000 })
    await flushPromises()
    const first = wrapper.findAll('[data-testid=wall-ticker-item]')[0]!
    expect(first.attributes('data-kind')).toBe('warning')
    expect(first.classes()).toContain('severity-warning')
    expect(first.text()).toContain('预警')
    expect(first.text()).toContain('"O\'Brien"; $1 🚨')
    expect(onImport).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
