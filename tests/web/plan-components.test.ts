import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import PlansPanel from '../../web/src/components/plans/PlansPanel.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { useViewStore } from '../../web/src/stores/view.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

// happy-dom has no 2D canvas; the chart itself is checked in Chromium (tests/e2e/patrol-plans.test.ts).
vi.mock('../../web/src/composables/use-echart.ts', () => ({ useEChart: () => {} }))

const T = '500104003000'
const posts = [
  { rank: 1, cell: '250:32648:1:2', lon: 106.481, lat: 29.471, gain: 9, coveredAfter: 21 },
  { rank: 2, cell: '250:32648:3:4', lon: 106.492, lat: 29.482, gain: 6, coveredAfter: 27 },
  { rank: 3, cell: '250:32648:5:6', lon: 106.473, lat: 29.493, gain: 5, coveredAfter: 32 },
]
const route = {
  order: [0, 2, 1],
  closed: false,
  lengthMetres: 3456.7,
  nearestNeighbourMetres: 3456.7,
  walk: { kmh: 5, minutes: 41.5 },
  vehicle: { kmh: 30, minutes: 6.9 },
  line: { type: 'Feature', geometry: { type: 'LineString', coordinates: [[106.481, 29.471], [106.473, 29.493], [106.492, 29.482]] }, properties: { lengthMetres: 3456.7 } },
  method: {},
}
const params = { k: 3, months: 6, from: '2025-10', to: '2026-03', indicator: 'all', minutes: 3, mode: 'walk', kmh: 5, radiusM: 250, cellSize: 250 }
const solution = {
  region: { code: T, name: '九宫庙街道', level: 'township' },
  params,
  events: 100,
  coveredBefore: 12,
  coveredAfter: 32,
  shareBefore: 0.12,
  shareAfter: 0.32,
  posts,
  route,
  candidates: { count: 275, features: [] },
  method: {},
}
const plan = { id: 7, name: '夜巡 A', region: T, regionName: '九宫庙街道', params, posts, route, summary: {}, synthetic: false, createdBy: 'admin', createdAt: '2026-04-01T02:00:00Z' }
const comparison = {
  plan: { id: 7, name: '夜巡 A', region: T, regionName: '九宫庙街道', posts: 3 },
  from: '2025-10',
  to: '2026-03',
  months: 6,
  indicator: 'all',
  minutes: 3,
  radiusM: 250,
  townships: [{ code: T, name: '九宫庙街道', events: 100, today: 12, withPlan: 32, gain: 20, shareToday: 0.12, shareWithPlan: 0.32 }],
  total: { events: 100, today: 12, withPlan: 32, gain: 20, shareToday: 0.12, shareWithPlan: 0.32 },
  method: {},
}

function setup(role = 'editor') {
  setActivePinia(createPinia())
  useAuthStore().session = { ...adminSession, role } as never
  useViewStore().patch({ level: 'township', parent: '500104', selected: T, period: '2026-03' })
  i18n.global.locale.value = 'en'
}

beforeEach(() => vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} }))
afterEach(() => vi.unstubAllGlobals())

describe('the plans panel', () => {
  it('runs a plan for the selected township and shows posts in pick order with gains and the route', async () => {
    setup()
    const seen = fakeServer({ 'POST /api/patrol-plans/solve': () => json(200, solution) })
    const w = mount(PlansPanel, { global: { plugins: [i18n] } })
    expect(w.get('[data-testid="plans-region"]').attributes('data-code')).toBe(T)
    await w.get('[data-testid="plans-run"]').trigger('click')
    await flushPromises()
    expect(JSON.parse(seen.find(r => r.method === 'POST')!.body!)).toEqual({ region: T, k: 3, minutes: 3, months: 6, cellSize: 250, indicator: 'all', to: '2026-03' })
    const rows = w.findAll('[data-testid="plans-post"]')
    expect(rows.map(r => [r.attributes('data-rank'), r.attributes('data-gain')])).toEqual([['1', '9'], ['2', '6'], ['3', '5']])
    expect(w.get('[data-testid="plans-route-order"]').text()).toBe('1 → 3 → 2')
    expect(w.get('[data-testid="plans-route-length"]').text()).toBe('3.5 km')
    expect(w.get('[data-testid="plans-covered-after"]').text()).toBe('32 (32%)')
  })

  it('saves under a name, then opens the saved plan with its comparison', async () => {
    setup()
    const seen = fakeServer({
      'POST /api/patrol-plans/solve': () => json(200, solution),
      'POST /api/patrol-plans': () => json(201, { plan }),
      'GET /api/patrol-plans/7': () => json(200, { plan }),
      'GET /api/patrol-plans/7/compare': () => json(200, comparison),
      'GET /api/patrol-plans': () => json(200, { plans: [plan] }),
    })
    const w = mount(PlansPanel, { global: { plugins: [i18n] } })
    await w.get('[data-testid="plans-run"]').trigger('click')
    await flushPromises()
    await w.get('[data-testid="plans-save-name"]').setValue('夜巡 A')
    await w.get('[data-testid="plans-save"]').trigger('submit')
    await flushPromises()
    const create = seen.find(r => r.method === 'POST' && r.url.endsWith('/api/patrol-plans'))!
    expect(JSON.parse(create.body!)).toMatchObject({ name: '夜巡 A', region: T, k: 3, minutes: 3, months: 6, cellSize: 250, to: '2026-03' })
    expect(w.get('[data-testid="plans-opened"]').attributes('data-id')).toBe('7')
    const row = w.get('[data-testid="plans-compare-row"]')
    expect([row.attributes('data-today'), row.attributes('data-with-plan')]).toEqual(['12', '32'])
    expect(w.get('[data-testid="plans-compare-total"]').text()).toContain('+20')
  })

  it('a read-only role can run a plan but is not offered the save', async () => {
    setup('analyst')
    fakeServer({ 'POST /api/patrol-plans/solve': () => json(200, solution) })
    const w = mount(PlansPanel, { global: { plugins: [i18n] } })
    await w.get('[data-testid="plans-run"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="plans-save"]').exists()).toBe(false)
    expect(w.text()).toContain('view plans but not save')
  })

  it('without a district or township on the map, there is nothing to run', () => {
    setup()
    useViewStore().patch({ level: 'district', parent: '500100', selected: null })
    const w = mount(PlansPanel, { global: { plugins: [i18n] } })
    expect(w.find('[data-testid="plans-no-region"]').exists()).toBe(true)
    expect(w.get('[data-testid="plans-run"]').attributes('disabled')).toBeDefined()
  })
})
