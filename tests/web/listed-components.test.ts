import type { ListedDetail } from '../../web/src/api/listed-api.ts'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ListedDetailView from '../../web/src/components/listed/ListedDetail.vue'
import ListedForm from '../../web/src/components/listed/ListedForm.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { useListedStore } from '../../web/src/stores/listed.ts'
import { useMetaStore } from '../../web/src/stores/meta.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

const point = { type: 'Point' as const, coordinates: [106.48, 29.47] }
const tree = [{ code: 'A', kind: 'category', name: { zh: '治安', en: 'Order' }, stage: 'source', children: [
  { code: 'A2', kind: 'class', name: { zh: '警情', en: 'Calls' }, stage: 'source', children: [
    { code: 'A2-01', kind: 'subclass', name: { zh: '涉水警情', en: 'Water' }, stage: 'source' },
  ] },
] }]

function setup(role: 'admin' | 'editor' | 'analyst' = 'editor') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useMetaStore().indicators = tree as never
  useAuthStore().session = { ...adminSession, role } as never
  return pinia
}

function hotspot(status: string) {
  return {
    hotspot: {
      id: 7,
      name: '九宫庙夜市',
      status,
      indicators: ['A2-01'],
      responsibleUnit: '派出所',
      listedOn: '2026-03-15',
      deadline: '2026-06-30',
      measures: '',
      attachments: [],
      region: '500104001000',
      createdBy: 'editor1',
      createdAt: '',
      updatedAt: '',
      version: 4,
      geometry: point,
      centroid: [106.48, 29.47],
      overdue: false,
      allowedTransitions: status === 'awaiting_acceptance' ? ['delisted', 'rectifying', 'extended'] : ['awaiting_acceptance', 'extended'],
    },
    transitions: [{ id: 1, fromStatus: null, toStatus: 'listed', actor: 'editor1', at: '2026-03-15T02:00:00Z', reason: 'listed', newDeadline: null, evidence: null }],
  } as unknown as ListedDetail
}

const evidence = {
  hotspotId: 7,
  version: 4,
  windows: { listedMonth: '2026-03', monthsRequested: 6, monthsCompared: 2, before: null, after: null, series: { from: '2025-09', to: '2026-05' } },
  area: { kind: 'point_buffer', radiusM: 300 },
  trend: { series: [{ month: '2026-03', count: 4 }], test: { before: { total: 9, mean: 4.5 }, after: { total: 2, mean: 1 }, z: -3.2, level: 'warning', direction: 'down' } },
  displacement: { ringM: 500, series: [{ month: '2026-03', count: 1 }], test: null, displaced: false },
  gistar: { available: true, from: '2026-09', to: '2026-11', cells: [{ id: 1, count: 3, z: 1.1, p: 0.27, bin: 0 }], stillHot: false },
}

describe('listed hotspot form', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => vi.unstubAllGlobals())

  async function fill(wrapper: ReturnType<typeof mount>, deadline: string) {
    await wrapper.get('[data-testid=listed-name]').setValue('九宫庙 "夜市"')
    await wrapper.get('[data-testid=listed-indicator-A2-01]').setValue(true)
    await wrapper.get('[data-testid=listed-unit]').setValue('派出所')
    await wrapper.get('[data-testid=listed-listed-on]').setValue('2026-03-15')
    await wrapper.get('[data-testid=listed-deadline]').setValue(deadline)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
  }

  it('stops a deadline before the listing date in the browser, sending nothing', async () => {
    const seen = fakeServer({})
    const pinia = setup()
    useListedStore().drawn = point
    const wrapper = mount(ListedForm, { global: { plugins: [pinia, i18n] } })
    await fill(wrapper, '2026-03-01')
    expect(wrapper.get('[data-testid=listed-invalid-deadline]').text()).toBe('整改期限不能早于挂牌日期（2026-03-15）')
    expect(seen).toEqual([])
  })

  it('shows the server\'s own message when the server refuses', async () => {
    const message = 'deadline: expected a date as YYYY-MM-DD between 1970 and 2100'
    const seen = fakeServer({ 'POST /api/listed-hotspots': () => json(400, { error: { code: 'invalid_parameter', message } }) })
    const pinia = setup()
    useListedStore().drawn = point
    const wrapper = mount(ListedForm, { global: { plugins: [pinia, i18n] } })
    await fill(wrapper, '2101-01-31')
    expect(wrapper.get('[data-testid=listed-form-error]').text()).toBe(message)
    expect(JSON.parse(seen[0]!.body!)).toMatchObject({ name: '九宫庙 "夜市"', indicators: ['A2-01'], deadline: '2101-01-31', geometry: point })
    expect(useListedStore().mode).toBe('list')
  })

  it('asks for a location before anything else is sent', async () => {
    const seen = fakeServer({})
    const wrapper = mount(ListedForm, { global: { plugins: [setup(), i18n] } })
    await fill(wrapper, '2026-06-30')
    expect(wrapper.find('[data-testid=listed-invalid-geometry]').exists()).toBe(true)
    expect(seen).toEqual([])
  })
})

describe('listed hotspot detail', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('is read-only for an analyst: no edit, no lifecycle buttons', async () => {
    fakeServer({})
    const wrapper = mount(ListedDetailView, { props: { detail: hotspot('rectifying') }, global: { plugins: [setup('analyst'), i18n], stubs: { ListedEvidenceChart: true } } })
    await flushPromises()
    expect(wrapper.find('[data-testid=listed-edit]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=listed-lifecycle]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=listed-read-only]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid=listed-history-row]')).toHaveLength(1)
  })

  it('offers 销号 only once the evidence for this version has loaded', async () => {
    let answer: (r: Response) => void = () => {}
    const pending = new Promise<Response>((resolve) => {
      answer = resolve
    })
    vi.stubGlobal('fetch', vi.fn(() => pending))
    const pinia = setup('editor')
    useListedStore().selectedId = 7
    const wrapper = mount(ListedDetailView, { props: { detail: hotspot('awaiting_acceptance') }, global: { plugins: [pinia, i18n], stubs: { ListedEvidenceChart: true } } })
    await flushPromises()
    const delist = () => wrapper.get('[data-testid=listed-action-delisted]')
    expect(delist().attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid=listed-delist-needs-evidence]').exists()).toBe(true)
    answer(json(200, { evidence }))
    await flushPromises()
    expect(delist().attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid=listed-evidence-trend]').text()).toContain('显著下降')
    expect(wrapper.get('[data-testid=listed-evidence-gistar]').attributes('data-still-hot')).toBe('false')
    expect(wrapper.findAll('[data-testid^=listed-action-]').map(b => b.attributes('data-testid'))).toEqual(['listed-action-delisted', 'listed-action-rectifying', 'listed-action-extended'])
  })
})
