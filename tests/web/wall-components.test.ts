import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import WallBanner from '../../web/src/components/wall/WallBanner.vue'
import WallKpiTile from '../../web/src/components/wall/WallKpiTile.vue'
import { useWallStream } from '../../web/src/composables/use-wall-stream.ts'
import { i18n } from '../../web/src/i18n/index.ts'
import { useWallStore } from '../../web/src/stores/wall.ts'

const tile = {
  kind: 'count' as const,
  indicator: 'A2-01',
  label: { zh: '本月涉水警情 "O\'Brien"', en: 'Water incidents' },
  value: 1234,
  unit: 'count' as const,
  mom: { previous: 10, change: 32, changePct: 320, z: 4.4, flag: 'warning' as const },
  yoy: { previous: 40, change: -2, changePct: -5, z: -0.3, flag: 'none' as const },
  lastEventAt: null,
}

/** A text/event-stream answer; `open` keeps the connection up after the text, as a live server does. */
function sseResponse(text: string, open = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text))
      if (!open)
        controller.close()
    },
  })
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
}

describe('wall components', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('a KPI tile shows the value, both changes with arrows, and colours only the significant one', () => {
    const wrapper = mount(WallKpiTile, { props: { tile: tile as never }, global: { plugins: [i18n] } })
    expect(wrapper.text()).toContain('本月涉水警情 "O\'Brien"')
    expect(wrapper.get('[data-testid=wall-kpi-value]').text()).toBe('1,234')
    const changes = wrapper.findAll('.change')
    expect(changes.map(c => c.text())).toEqual(['环比 ▲ +320%', '同比 ▼ −5%'])
    expect(changes[0]!.classes()).toContain('warning')
    expect(changes[1]!.classes()).not.toContain('warning')
  })

  it('the banner shows the time of the last good data only while disconnected', async () => {
    const wall = useWallStore()
    const wrapper = mount(WallBanner, { global: { plugins: [i18n] } })
    expect(wrapper.find('[data-testid=wall-stale-banner]').exists()).toBe(false)
    wall.lastGoodAt = new Date(2026, 5, 1, 9, 7)
    wall.stream = 'lost'
    await flushPromises()
    expect(wrapper.get('[data-testid=wall-stale-banner]').text()).toContain('数据截至 09:07')
    wall.stream = 'live'
    await flushPromises()
    expect(wrapper.find('[data-testid=wall-stale-banner]').exists()).toBe(false)
  })

  it('the stream client reports imports, reconnects by itself after a drop, and resyncs when data moved', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const answers = [
      () => sseResponse('retry: 3000\n\nevent: hello\ndata: {"dataVersion":4}\n\nevent: import\ndata: {"kind":"events","dataVersion":5}\n\n'),
      () => new Response('down', { status: 503 }),
      () => sseResponse('event: hello\ndata: {"dataVersion":7}\n\n', true),
    ]
    const calls: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${String(input)} ${new Headers(init?.headers).get('Accept')}`)
      return (answers[calls.length - 1] ?? (() => new Promise<Response>(() => {})))()
    }))
    const onImport = vi.fn()
    const onResync = vi.fn()
    const Host = defineComponent({
      setup() {
        const { state } = useWallStream({ onImport, onResync })
        return () => h('i', { 'data-state': state.value })
      },
    })
    const wrapper = mount(Host)
    await vi.waitFor(() => expect(onImport).toHaveBeenCalledTimes(1), { timeout: 2000 })
    expect(onImport.mock.calls[0]![0]).toMatchObject({ kind: 'events', dataVersion: 5 })
    // Dropped, then refused once (503), then back: 0.5 s + 1 s of backoff with the jitter at 0.
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 4000 })
    await vi.waitFor(() => expect(wrapper.get('i').attributes('data-state')).toBe('live'), { timeout: 2000 })
    expect(onResync).toHaveBeenCalledTimes(1)
    expect(calls[0]).toBe('/api/stream text/event-stream')
    wrapper.unmount()
  })
})
