import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import WaterCoverage from '../../web/src/components/water/WaterCoverage.vue'
import WaterForm from '../../web/src/components/water/WaterForm.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { useDrawStore } from '../../web/src/stores/draw.ts'
import { useWaterStore, WATER_DRAW_OWNER } from '../../web/src/stores/water.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

function setup() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().session = { ...adminSession, role: 'editor' } as never
  return pinia
}

const line = { type: 'LineString' as const, coordinates: [[106.5, 29.4], [106.52, 29.4]] }

describe('the drone route form', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  afterEach(() => vi.unstubAllGlobals())

  it('warns in the browser when the drawn route is longer than the battery, sending nothing', async () => {
    const seen = fakeServer({})
    const pinia = setup()
    useWaterStore().startCreate('route')
    const draw = useDrawStore()
    draw.start(WATER_DRAW_OWNER, 'linestring')
    draw.finish(line)
    const wrapper = mount(WaterForm, { props: { entity: 'route', id: null }, global: { plugins: [pinia, i18n] } })
    await wrapper.get('[data-testid=water-name]').setValue('江岸巡查 "一"')
    await wrapper.get('[data-testid=water-max-flight]').setValue('1500')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('航线长于单块电池航程')
    expect(seen).toEqual([])
  })

  it('shows the server\'s route_too_long message, and sends the drawn line', async () => {
    const message = 'geometry: the route is 1939 m long, more than the 1900 m the drone flies on one battery; shorten it or split it'
    const seen = fakeServer({ 'POST /api/water/routes': () => json(400, { error: { code: 'route_too_long', message, details: { lengthM: 1939, maxFlightM: 1900 } } }) })
    const pinia = setup()
    useWaterStore().startCreate('route')
    const draw = useDrawStore()
    draw.start(WATER_DRAW_OWNER, 'linestring')
    draw.finish(line)
    const wrapper = mount(WaterForm, { props: { entity: 'route', id: null }, global: { plugins: [pinia, i18n] } })
    await wrapper.get('[data-testid=water-name]').setValue('江岸巡查')
    await wrapper.get('[data-testid=water-max-flight]').setValue('2000')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid=water-form-error]').text()).toBe(message)
    expect(JSON.parse(seen[0]!.body!)).toEqual({ name: '江岸巡查', drone: '', maxFlightM: 2000, geometry: line })
  })
})

describe('the coverage summary', () => {
  it('shows the covered share and both lengths', async () => {
    const pinia = setup()
    i18n.global.locale.value = 'en'
    useWaterStore().coverage = { share: 0.4321, shoreM: 26_000, coveredM: 11_235, zones: [{ id: 1 }], method: { radiusM: 250, walkKmh: 5 } } as never
    const wrapper = mount(WaterCoverage, { global: { plugins: [pinia, i18n] } })
    expect(wrapper.get('[data-testid=water-coverage-share]').text()).toContain('43.2%')
    expect(wrapper.text()).toContain('covered 11.2 km of 26.0 km')
  })
})
