import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import LayerSwitch from '../../web/src/components/layers/LayerSwitch.vue'
import PatrolSwitches from '../../web/src/components/patrol/PatrolSwitches.vue'
import PlansSwitches from '../../web/src/components/plans/PlansSwitches.vue'
import WaterSwitches from '../../web/src/components/water/WaterSwitches.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
import { useViewStore } from '../../web/src/stores/view.ts'

function setup() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

describe('the feature layer switch', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('writes its layer into the URL state while on, absent when off, and shows the legend only while on', async () => {
    const pinia = setup()
    const view = useViewStore()
    const w = mount(LayerSwitch, { props: { layer: 'plans', label: '布防' }, slots: { default: '<i data-testid="legend" />', after: '<b data-testid="after" />' }, global: { plugins: [pinia, i18n] } })
    expect(w.text()).toContain('布防')
    expect(w.find('[data-testid=legend]').exists()).toBe(false)
    expect(w.find('[data-testid=after]').exists()).toBe(true)
    await w.get('[data-testid=layer-plans]').setValue(true)
    expect(view.view.layers.plans).toBe(true)
    expect(serializeLayers(view.view.layers)).toContain('plans')
    expect(w.find('[data-testid=legend]').exists()).toBe(true)
    await w.get('[data-testid=layer-plans]').setValue(false)
    expect(view.view.layers).not.toHaveProperty('plans')
    expect(w.find('[data-testid=legend]').exists()).toBe(false)
  })

  it.each([
    ['patrol', PatrolSwitches, 'patrol-legend'],
    ['plans', PlansSwitches, 'plans-legend'],
    ['water', WaterSwitches, 'water-legend'],
  ] as const)('%s: the switch and its legend', async (layer, component, legend) => {
    const pinia = setup()
    const view = useViewStore()
    const w = mount(component, { global: { plugins: [pinia, i18n] } })
    expect(w.get(`[data-testid=${layer}-switches]`).text()).toBe(i18n.global.t(`${layer}.layer`))
    await w.get(`[data-testid=layer-${layer}]`).setValue(true)
    expect(view.view.layers[layer]).toBe(true)
    expect(w.find(`[data-testid=${legend}]`).exists()).toBe(true)
    // Another layer's switch leaves this one alone.
    view.patch({ layers: { ...view.view.layers, units: true } })
    expect(view.view.layers[layer]).toBe(true)
  })
})
