import type { PatrolHeatmap, PatrolZone } from '../../web/src/api/patrol-api.ts'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import PatrolDetail from '../../web/src/components/patrol/PatrolDetail.vue'
import PatrolForm from '../../web/src/components/patrol/PatrolForm.vue'
import PatrolWindows from '../../web/src/components/patrol/PatrolWindows.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { useDrawStore } from '../../web/src/stores/draw.ts'
import { usePatrolStore } from '../../web/src/stores/patrol.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

const square = { type: 'Polygon' as const, coordinates: [[[106.47, 29.47], [106.48, 29.47], [106.48, 29.48], [106.47, 29.47]]] }

function setup(role: 'admin' | 'editor' | 'analyst' = 'editor') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().session = { ...adminSession, role } as never
  return pinia
}

function drawn(geometry: typeof square) {
  const draw = useDrawStore()
  draw.drawn = geometry
  draw.drawnBy = 'patrol'
}

const zone = {
  type: 'Feature',
  id: 9,
  geometry: square,
  properties: { id: 9, name: '跃进村街面', type: 'street', team: '一组', shifts: [{ start: '20:00', end: '02:00' }], region: '500104002000', synthetic: false, createdBy: 'e', updatedBy: 'e', createdAt: '', updatedAt: '', version: 3, anchor: [106.475, 29.475], lengthM: 3200, areaM2: 629_000 },
} as unknown as PatrolZone

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
})
afterEach(() => vi.unstubAllGlobals())

describe('patrol form', () => {
  it('refuses a drone route drawn as an area in the browser, sending nothing', async () => {
    const seen = fakeServer({})
    const pinia = setup()
    drawn(square)
    const wrapper = mount(PatrolForm, { global: { plugins: [pinia, i18n] } })
    await wrapper.get('[data-testid=patrol-type]').setValue('drone_night_route')
    await wrapper.get('[data-testid=patrol-name]').setValue('夜巡')
    expect(wrapper.find('[data-testid=patrol-draw-polygon]').exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid=patrol-invalid-geometry]').text()).toBe('无人机夜巡航线只能是路线')
    expect(seen).toEqual([])
  })

  it('sends the zone and shows the server\'s own message when it refuses', async () => {
    const message = 'shifts: shift 1 (19:00-23:00) and shift 2 (22:00-02:00) overlap, first on Monday at 22:00'
    const seen = fakeServer({ 'POST /api/patrol-zones': () => json(400, { error: { code: 'invalid_parameter', message } }) })
    const pinia = setup()
    drawn(square)
    const wrapper = mount(PatrolForm, { global: { plugins: [pinia, i18n] } })
    await wrapper.get('[data-testid=patrol-name]').setValue('街面 "A"')
    await wrapper.get('[data-testid=patrol-shift-add]').trigger('click')
    await wrapper.get('[data-testid=patrol-shift-add]').trigger('click')
    await wrapper.get('[data-testid=patrol-shift-start-1]').setValue('22:00')
    await wrapper.get('[data-testid=patrol-shift-end-1]').setValue('2:00')
    await wrapper.get('[data-testid=patrol-shift-day-1-1]').trigger('click')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid=patrol-form-error]').text()).toBe(message)
    expect(JSON.parse(seen[0]!.body!)).toEqual({ name: '街面 "A"', type: 'street', team: '', shifts: [{ start: '19:00', end: '23:00' }, { days: [2, 3, 4, 5, 6, 7], start: '22:00', end: '02:00' }], geometry: square })
  })
})

describe('patrol detail', () => {
  it('is read-only for an analyst', () => {
    fakeServer({})
    const wrapper = mount(PatrolDetail, { props: { zone }, global: { plugins: [setup('analyst'), i18n], stubs: { PatrolHeatmap: true } } })
    expect(wrapper.find('[data-testid=patrol-edit]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=patrol-delete]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=patrol-detail-shifts]').text()).toBe('每天 20:00–次日02:00')
  })

  it('deletes after a confirmation, naming the version it read', async () => {
    const seen = fakeServer({ 'DELETE /api/patrol-zones/9': () => json(200, { deleted: zone }) })
    const pinia = setup('editor')
    const patrol = usePatrolStore()
    patrol.select(9)
    const wrapper = mount(PatrolDetail, { props: { zone }, global: { plugins: [pinia, i18n], stubs: { PatrolHeatmap: true } } })
    await wrapper.get('[data-testid=patrol-delete]').trigger('click')
    expect(seen).toEqual([])
    await wrapper.get('[data-testid=patrol-delete-confirm]').trigger('click')
    await flushPromises()
    expect(seen.map(r => `${r.method} ${new URL(r.url, 'http://x').pathname}${new URL(r.url, 'http://x').search}`)).toEqual(['DELETE /api/patrol-zones/9?version=3'])
    expect(patrol.mode).toBe('list')
  })
})

describe('recommended windows', () => {
  it('lists each window with its events and whether the shifts cover it', () => {
    const heatmap = {
      zoneId: 9,
      counts: [],
      total: 95,
      recommended: [
        { startHour: 21, hours: 3, start: '21:00', end: '00:00', count: 28, share: 0.2947, cover: { covered: 'none', coveredHours: 0, totalHours: 21 } },
        { day: 6, startHour: 8, hours: 3, start: '08:00', end: '11:00', count: 12, share: 0.1263, cover: { covered: 'full', coveredHours: 3, totalHours: 3 } },
      ],
      shiftsCoverRecommended: 'some',
    } as unknown as PatrolHeatmap
    const wrapper = mount(PatrolWindows, { props: { heatmap }, global: { plugins: [setup(), i18n] } })
    // Spans are laid out with margins, so text() joins them without spaces.
    expect(wrapper.get('[data-testid=patrol-window-0]').text()).toBe('每天 21:00–00:0028 起（29.5%）班次未覆盖')
    expect(wrapper.get('[data-testid=patrol-window-1]').text()).toBe('周六 08:00–11:0012 起（12.6%）班次已覆盖')
    expect(wrapper.get('[data-testid=patrol-windows-summary]').text()).toBe('现有班次只覆盖部分建议时段')
  })
})
