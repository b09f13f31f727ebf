import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import BlindSpotList from '../../web/src/components/blindspots/BlindSpotList.vue'
import BlindSpotSwitches from '../../web/src/components/blindspots/BlindSpotSwitches.vue'
import { useBlindSpotsStore } from '../../web/src/composables/use-blind-spots-store.ts'
import { blindSpotQuery } from '../../web/src/composables/use-blind-spots.ts'
import { i18n } from '../../web/src/i18n/index.ts'
import { parseLayers, serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
import { blindSpotBreaks } from '../../web/src/map/layers/blind-spots.ts'
import { useViewStore } from '../../web/src/stores/view.ts'

function cell(rank: number, uncovered: number, events: number, x: number) {
  return {
    type: 'Feature' as const,
    id: `500:32648:${rank}:1`,
    geometry: { type: 'Polygon' as const, coordinates: [[[x, 29], [x + 0.01, 29], [x + 0.015, 29.01], [x + 0.01, 29.02], [x, 29.02], [x - 0.005, 29.01], [x, 29]]] },
    properties: { id: `500:32648:${rank}:1`, i: rank, j: 1, events, uncovered, share: uncovered / events, rank },
  }
}

function data(features: ReturnType<typeof cell>[], kind: 'speed' | 'network' = 'speed') {
  return { type: 'FeatureCollection', region: '500104', from: '2025-07', to: '2026-06', months: 12, indicator: 'all', size: 500, min: 5, limit: 20, features, summary: { events: 100, uncovered: 40, cellsWithEvents: 30, blindSpots: features.length }, method: { kind, note: '' } } as never
}

describe('blind-spot layer switch in the URL', () => {
  it('round-trips the blindspots token and is absent when off', () => {
    const on = parseLayers('choropleth,blindspots')
    expect(on.blindspots).toBe(true)
    expect(serializeLayers(on)).toBe('choropleth,blindspots')
    const off = parseLayers('choropleth')
    expect(off.blindspots).toBeUndefined()
    expect(serializeLayers(off)).toBeUndefined()
  })
})

describe('blind-spot query and classes', () => {
  it('asks for the map\'s parent region, the view\'s indicator and the last N months', () => {
    expect(blindSpotQuery({ parent: '500104', city: '500100', indicator: 'A2', period: '2026-01', to: '2026-06' }, 12))
      .toEqual({ region: '500104', months: '12', to: '2026-06', indicator: 'A2', size: '500', limit: '20' })
    expect(blindSpotQuery({ parent: null, city: '220800', indicator: 'all', period: '2026-03', to: null }, 6)).toMatchObject({ region: '220800', to: '2026-03' })
    expect(blindSpotQuery({ parent: null, city: null, indicator: 'all', period: '2026-03', to: null }, 6)).toBeNull()
    expect(blindSpotQuery({ parent: '500104', city: null, indicator: 'all', period: null, to: null }, 6)).toBeNull()
  })

  it('breaks start at the threshold and increase strictly', () => {
    expect(blindSpotBreaks(5, 45)).toEqual([5, 15, 25, 35])
    expect(blindSpotBreaks(5, 6)).toEqual([5, 6, 7, 8])
    for (const [min, max] of [[1, 1], [3, 100], [10, 11]]) {
      const b = blindSpotBreaks(min!, max!)
      expect(b[0]).toBe(min)
      b.slice(1).forEach((v, k) => expect(v).toBeGreaterThan(b[k]!))
    }
  })
})

describe('blind-spot panel', () => {
  function setup() {
    const pinia = createPinia()
    setActivePinia(pinia)
    return pinia
  }

  it('lists cells by rank and asks the map to fly to the one clicked', async () => {
    const pinia = setup()
    const store = useBlindSpotsStore()
    store.data = data([cell(1, 40, 50, 106.5), cell(2, 12, 30, 106.6)])
    const wrapper = mount(BlindSpotList, { global: { plugins: [pinia, i18n] } })
    const rows = wrapper.findAll('[data-testid^="blind-spot-"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('40')
    await rows[1]!.trigger('click')
    expect(store.focus?.id).toBe('500:32648:2:1')
    expect(store.focus!.lon).toBeCloseTo(106.605, 6)
    expect(store.focus!.lat).toBeCloseTo(29.01, 6)
  })

  it('switches the layer in the view and says which reach method counted', async () => {
    const pinia = setup()
    const view = useViewStore()
    const store = useBlindSpotsStore()
    i18n.global.locale.value = 'en'
    const wrapper = mount(BlindSpotSwitches, { global: { plugins: [pinia, i18n] } })
    expect(wrapper.find('[data-testid="blind-spots-legend"]').exists()).toBe(false)
    await wrapper.find('[data-testid="layer-blindspots"]').setValue(true)
    expect(view.view.layers.blindspots).toBe(true)
    store.data = data([cell(1, 40, 50, 106.5)])
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="blind-spots-legend"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="blind-spots-method"]').text()).toMatch(/Straight-line approximation \(no road network on this database\)/)
    store.data = data([cell(1, 40, 50, 106.5)], 'network')
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="blind-spots-method"]').text()).toMatch(/Road-network reach/)
    // The ranking is folded until asked for.
    expect(wrapper.find('[data-testid="blind-spots-ranking"]').attributes('open')).toBeUndefined()
    expect(wrapper.find('summary').text()).toBe('Ranking (top 1)')
    await wrapper.find('[data-testid="layer-blindspots"]').setValue(false)
    expect(view.view.layers.blindspots).toBeUndefined()
  })
})
