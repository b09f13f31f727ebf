import type { Unit } from '../../web/src/api/units-api.ts'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import UnitsCoverage from '../../web/src/components/units/UnitsCoverage.vue'
import UnitsDetail from '../../web/src/components/units/UnitsDetail.vue'
import UnitsForm from '../../web/src/components/units/UnitsForm.vue'
import UnitsListView from '../../web/src/components/units/UnitsListView.vue'
import UnitsSwitches from '../../web/src/components/units/UnitsSwitches.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { useDrawStore } from '../../web/src/stores/draw.ts'
import { UNITS_DRAW_OWNER, useUnitsStore } from '../../web/src/stores/units.ts'
import { useViewStore } from '../../web/src/stores/view.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

const point = { type: 'Point' as const, coordinates: [106.48, 29.47] }
const unit = {
  id: 4,
  name: '九宫庙 "治安岗亭"',
  type: 'security_post',
  staff: 3,
  duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, { start: '22:00', end: '06:00' }],
  contact: '023-6888 1234',
  region: '500104001000',
  createdBy: 'editor1',
  updatedBy: 'editor1',
  createdAt: '',
  updatedAt: '',
  version: 2,
  synthetic: true,
} as unknown as Unit

function setup(role: 'admin' | 'editor' | 'analyst' | 'display' = 'editor') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().session = { ...adminSession, role } as never
  return pinia
}

/** The point the shared drawing tool hands back to the units form. */
function placed() {
  const draw = useDrawStore()
  draw.start(UNITS_DRAW_OWNER, 'point')
  draw.finish(point)
}

describe('response unit form', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => vi.unstubAllGlobals())

  async function fill(wrapper: ReturnType<typeof mount>) {
    await wrapper.get('[data-testid=units-name]').setValue('九宫庙 "治安岗亭"; $1 🚨')
    await wrapper.get('[data-testid=units-type-select]').setValue('security_post')
    await wrapper.get('[data-testid=units-staff]').setValue('3')
    await wrapper.get('[data-testid=units-duty-add]').trigger('click')
    await wrapper.get('[data-testid=units-duty-add]').trigger('click')
  }

  it('checks each duty row in the browser, sending nothing', async () => {
    const seen = fakeServer({})
    const pinia = setup()
    placed()
    const wrapper = mount(UnitsForm, { global: { plugins: [pinia, i18n] } })
    await fill(wrapper)
    await wrapper.get('[data-testid=units-duty-start-1]').setValue('25:00')
    for (const d of [1, 2, 3, 4, 5])
      await wrapper.get(`[data-testid=units-duty-day-0-${d}]`).trigger('click')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid=units-duty-invalid-0]').text()).toBe('至少选择一天')
    expect(wrapper.get('[data-testid=units-duty-invalid-1]').text()).toContain('开始时间')
    expect(seen).toEqual([])
  })

  it('shows the server\'s message for overlapping windows, and sends the windows as rows say', async () => {
    const message = 'duty: duty windows overlap: window 1 (1,2,3,4,5 08:00-18:00) and window 2 (17:00-23:00) from day 1 17:00'
    const seen = fakeServer({ 'POST /api/response-units': () => json(400, { error: { code: 'invalid_parameter', message } }) })
    const pinia = setup()
    placed()
    const wrapper = mount(UnitsForm, { global: { plugins: [pinia, i18n] } })
    await fill(wrapper)
    for (const d of [6, 7])
      await wrapper.get(`[data-testid=units-duty-day-1-${d}]`).trigger('click')
    await wrapper.get('[data-testid=units-duty-start-1]').setValue('17:00')
    await wrapper.get('[data-testid=units-duty-end-1]').setValue('23:00')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid=units-form-error]').text()).toBe(message)
    expect(JSON.parse(seen[0]!.body!)).toEqual({
      name: '九宫庙 "治安岗亭"; $1 🚨',
      type: 'security_post',
      staff: 3,
      duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, { start: '17:00', end: '23:00' }],
      contact: '',
      geometry: point,
    })
    expect(useUnitsStore().mode).toBe('list')
  })

  it('asks for a point before anything is sent', async () => {
    const seen = fakeServer({})
    const wrapper = mount(UnitsForm, { global: { plugins: [setup(), i18n] } })
    await fill(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid=units-invalid-geometry]').exists()).toBe(true)
    expect(seen).toEqual([])
  })

  it('a saved unit opens in the panel and everything reloads', async () => {
    fakeServer({ 'POST /api/response-units': () => json(201, { unit: { type: 'Feature', id: 9, geometry: point, properties: { ...unit, id: 9 } } }) })
    const pinia = setup()
    placed()
    const units = useUnitsStore()
    units.startCreate()
    const wrapper = mount(UnitsForm, { global: { plugins: [pinia, i18n] } })
    await fill(wrapper)
    await wrapper.get('[data-testid=units-duty-remove-1]').trigger('click')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(units.mode).toBe('detail')
    expect(units.selectedId).toBe(9)
    expect(units.revision).toBe(1)
    expect(useDrawStore().drawn).toBeNull()
  })
})

describe('response unit detail and list', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('describes duty windows and labels a demo unit', () => {
    fakeServer({})
    const wrapper = mount(UnitsDetail, { props: { unit }, global: { plugins: [setup('editor'), i18n] } })
    expect(wrapper.get('[data-testid=units-field-duty]').text()).toContain('周一至周五 08:00–18:00')
    expect(wrapper.get('[data-testid=units-field-duty]').text()).toContain('每天 22:00–次日06:00')
    expect(wrapper.get('[data-testid=units-synthetic]').text()).toBe('演示')
    expect(wrapper.find('[data-testid=units-edit]').exists()).toBe(true)
  })

  it.each(['analyst', 'display'] as const)('is read-only for a %s: no new, edit or delete', async (role) => {
    fakeServer({})
    const pinia = setup(role)
    const detail = mount(UnitsDetail, { props: { unit }, global: { plugins: [pinia, i18n] } })
    expect(detail.find('[data-testid=units-edit]').exists()).toBe(false)
    expect(detail.find('[data-testid=units-delete]').exists()).toBe(false)
    expect(detail.find('[data-testid=units-read-only]').exists()).toBe(true)
    const list = mount(UnitsListView, { global: { plugins: [pinia, i18n] } })
    expect(list.find('[data-testid=units-new]').exists()).toBe(false)
  })

  it('deletes the version shown, only after a confirmation', async () => {
    const seen = fakeServer({ 'DELETE /api/response-units/4': () => json(200, { deleted: {} }) })
    const pinia = setup('editor')
    const units = useUnitsStore()
    units.select(4)
    const wrapper = mount(UnitsDetail, { props: { unit }, global: { plugins: [pinia, i18n] } })
    await wrapper.get('[data-testid=units-delete]').trigger('click')
    expect(seen).toEqual([])
    await wrapper.get('[data-testid=units-delete-yes]').trigger('click')
    await flushPromises()
    expect(seen.map(r => `${r.method} ${r.url}`)).toEqual(['DELETE /api/response-units/4?version=2'])
    expect(units.mode).toBe('list')
    expect(units.revision).toBe(1)
  })

  it('filters the list by type', async () => {
    fakeServer({})
    const pinia = setup('editor')
    const units = useUnitsStore()
    units.items = [
      { type: 'Feature', id: 4, geometry: point, properties: unit },
      { type: 'Feature', id: 5, geometry: point, properties: { ...unit, id: 5, type: 'volunteer' } },
    ] as never
    const wrapper = mount(UnitsListView, { global: { plugins: [pinia, i18n] } })
    expect(wrapper.findAll('[data-testid=units-row]')).toHaveLength(2)
    await wrapper.get('[data-testid=units-filter-type]').setValue('volunteer')
    expect(wrapper.findAll('[data-testid=units-row]')).toHaveLength(1)
    expect(wrapper.find('[data-testid=units-open-5]').exists()).toBe(true)
  })
})

describe('coverage table and choropleth switch', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => vi.unstubAllGlobals())

  const coverage = {
    level: 'township',
    parent: '500104',
    from: '2025-10',
    to: '2026-03',
    months: 6,
    indicator: 'all',
    regions: [
      { code: '500104001000', name: '新山村街道', events: 40, within1: 2, within3: 10, within5: 30, share1: 0.05, share3: 0.25, share5: 0.75 },
      { code: '500104002000', name: '跃进村街道', events: 0, within1: 0, within3: 0, within5: 0, share1: null, share3: null, share5: null },
      { code: '500104003000', name: '九宫庙街道', events: 120, within1: 6, within3: 31, within5: 97, share1: 0.05, share3: 0.2583, share5: 0.8083 },
    ],
    method: {},
  }

  it('lists the regions busiest first, with cumulative shares and their counts', () => {
    const pinia = setup('analyst')
    useUnitsStore().coverage = coverage as never
    const wrapper = mount(UnitsCoverage, { global: { plugins: [pinia, i18n] } })
    const rows = wrapper.findAll('[data-testid=units-coverage-row]')
    expect(rows.map(r => r.attributes('data-code'))).toEqual(['500104003000', '500104001000', '500104002000'])
    expect(rows[0]!.findAll('td').map(td => td.text())).toEqual(['九宫庙街道', '120', '5%', '25.8%', '80.8%'])
    expect(rows[0]!.findAll('td')[3]!.attributes('title')).toBe('31 / 120')
    expect(rows[2]!.findAll('td').map(td => td.text())).toEqual(['跃进村街道', '0', '—', '—', '—'])
    expect(wrapper.get('[data-testid=units-coverage-period]').text()).toBe('2025-10 至 2026-03（近 6 个月）')
  })

  it('colours the choropleth by coverage through the URL state, switching the choropleth on', async () => {
    const pinia = setup('analyst')
    const view = useViewStore()
    view.patch({ layers: { ...view.view.layers, choropleth: false } })
    const wrapper = mount(UnitsSwitches, { global: { plugins: [pinia, i18n] } })
    await wrapper.get('[data-testid=layer-coverage]').setValue('3')
    expect(view.view.layers).toMatchObject({ choropleth: true, coverage: { minutes: 3, months: 6 } })
    // The table's month count follows into the URL while the choropleth uses it.
    const table = mount(UnitsCoverage, { global: { plugins: [pinia, i18n] } })
    await table.get('[data-testid=units-coverage-months]').setValue('12')
    expect(view.view.layers.coverage).toEqual({ minutes: 3, months: 12 })
    await wrapper.get('[data-testid=layer-coverage]').setValue('')
    expect(view.view.layers).not.toHaveProperty('coverage')
    await wrapper.get('[data-testid=layer-units]').setValue(true)
    expect(view.view.layers.units).toBe(true)
    expect(wrapper.find('[data-testid=units-legend]').exists()).toBe(true)
  })
})
