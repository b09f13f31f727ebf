import type { EmergingResult, GistarResult } from '../../web/src/stores/hotspots.ts'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../web/src/api/client.ts'
import HotspotLegend from '../../web/src/components/hotspots/HotspotLegend.vue'
import HotspotSwitches from '../../web/src/components/hotspots/HotspotSwitches.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { DEFAULT_VIEW } from '../../web/src/logic/url-state.ts'
import { useHotspotsStore } from '../../web/src/stores/hotspots.ts'
import { useViewStore } from '../../web/src/stores/view.ts'

const ring = [[106.48, 29.48], [106.49, 29.48], [106.49, 29.49], [106.48, 29.48]]

function cell(id: string, bin: number, count = 1) {
  return { type: 'Feature' as const, id, properties: { id, count, z: bin * 1.2, p: 0.2, bin }, geometry: { type: 'Polygon' as const, coordinates: [ring] } }
}

function gistar(bins: number[], warnings: string[] = []): GistarResult {
  return {
    type: 'FeatureCollection',
    features: bins.map((b, i) => cell(`500:32648:${i}:0`, b, i)),
    method: {
      statistic: 'Getis-Ord Gi*',
      weights: 'binary',
      selfIncluded: true,
      distanceBand: 866.026,
      distanceMetric: 'Euclidean between hexagon centres in UTM zone 48N (EPSG:32648)',
      n: bins.length,
      alpha: [0.1, 0.05, 0.01],
      correction: 'none',
      neighbours: { min: 1, mean: 2, max: 3 },
      warnings,
      grid: 'hex',
      size: 500,
      srid: 32648,
      parent: '500104',
      from: '2025-01',
      to: '2025-12',
      defaultDistance: true,
      indicator: 'all',
      period: '2025-01',
    },
    warnings,
  } as unknown as GistarResult
}

function setup(layer: 'gistar' | 'emerging', locale: 'zh-CN' | 'en' = 'zh-CN') {
  setActivePinia(createPinia())
  i18n.global.locale.value = locale
  useViewStore().view = { ...DEFAULT_VIEW, level: 'township', parent: '500104', city: '500000', period: '2025-01', hotspot: { layer, size: 500, correction: 'none', distance: null } }
  return useHotspotsStore()
}

const mountLegend = () => mount(HotspotLegend, { global: { plugins: [i18n] } })

describe('the hot spot legend', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('lists the seven classes with their cell counts and states the band', () => {
    const hotspots = setup('gistar')
    hotspots.gistar = gistar([3, 3, 2, 0, 0, 0, -1, -3, ...Array.from({ length: 30 }, () => 0)])
    const w = mountLegend()
    const rows = w.findAll('[data-testid=gistar-classes] li')
    expect(rows.map(r => r.attributes('data-bin'))).toEqual(['3', '2', '1', '0', '-1', '-2', '-3'])
    expect(rows.map(r => r.get('.count').text())).toEqual(['2', '1', '0', '33', '1', '0', '1'])
    expect(w.get('[data-testid=hotspot-method]').text()).toContain('固定距离带 866.026 米')
    expect(w.find('[data-testid=hotspot-warnings]').exists()).toBe(false)
  })

  it('shows "fewer than 30 cells" prominently, first, in the reader\'s language', () => {
    const hotspots = setup('gistar', 'en')
    hotspots.gistar = gistar([3, 0, -3], ['1 cells have no neighbour within the distance band: their z compares the cell only with itself', 'fewer than 30 cells: results are unreliable'])
    const w = mountLegend()
    const box = w.get('[data-testid=hotspot-warnings]')
    expect(box.attributes('role')).toBe('alert')
    const items = box.findAll('li')
    expect(items[0]!.text()).toBe('Fewer than 30 cells analysed: results are unreliable')
    expect(items[0]!.classes()).toContain('severe')
    expect(items[1]!.text()).toContain('1 cells have no neighbour')
  })

  it('shows too_many_cells with the server\'s message and offers the next size, which it applies', async () => {
    const hotspots = setup('gistar')
    hotspots.gistarError = new ApiError(400, 'too_many_cells', 'region 220800 needs more than 50000 hexagons of 500 m; choose a larger size or a smaller region')
    const w = mountLegend()
    const error = w.get('[data-testid=hotspot-error]')
    expect(error.text()).toContain('单元数超过上限')
    expect(error.text()).toContain('needs more than 50000 hexagons')
    await error.get('[data-testid=hotspot-larger]').trigger('click')
    expect(useViewStore().view.hotspot?.size).toBe(1000)
    expect(w.find('[data-testid=hotspot-method]').exists()).toBe(false)
  })

  it('shows the loading state', () => {
    const hotspots = setup('gistar')
    hotspots.gistarLoading = true
    expect(mountLegend().get('[data-testid=hotspot-loading]').text()).toBe('正在计算…')
  })

  it('shows a clicked cell\'s numbers', async () => {
    const hotspots = setup('gistar')
    hotspots.gistar = gistar([0, 3])
    hotspots.selectCell('gistar', '500:32648:1:0')
    const w = mountLegend()
    expect(w.get('[data-testid=hotspot-cell-bin]').text()).toBe('+3 · 热点，99% 置信度')
    expect(w.get('[data-testid=hotspot-cell-z]').text()).toBe('3.600')
    await w.get('[data-testid=hotspot-cell-close]').trigger('click')
    expect(w.find('[data-testid=hotspot-cell]').exists()).toBe(false)
  })

  it('lists emerging categories present with definitions, and the months used when widened', () => {
    const hotspots = setup('emerging')
    hotspots.emergingRange = { from: '2024-02', to: '2025-01', months: 12, widened: true }
    hotspots.emerging = {
      type: 'FeatureCollection',
      features: [],
      summary: { 'none': 10, 'persistent-hot': 2, 'oscillating-cold': 1 },
      method: { timeSteps: 12, trendAlpha: 0.1, distanceBand: 866.026, defaultDistance: true, srid: 32648, n: 13, size: 500, correction: 'fdr', neighbours: { min: 1, mean: 2, max: 3 }, parent: '500104', from: '2024-02', to: '2025-01', warnings: [] },
      warnings: [],
    } as unknown as EmergingResult
    const w = mountLegend()
    const rows = w.findAll('[data-testid=emerging-classes] li')
    expect(rows.map(r => r.attributes('data-label'))).toEqual(['persistent-hot', 'oscillating-cold', 'none'])
    expect(rows[0]!.text()).toContain('持续热点')
    expect(rows[0]!.text()).toContain('无显著趋势')
    expect(w.get('[data-testid=emerging-widened]').text()).toContain('12 个月')
    expect(w.get('[data-testid=hotspot-method]').text()).toContain('时间步长：1 个月，共 12 步')
  })
})

describe('the hot spot switches', () => {
  it('turn one analysis on at a time, with a size for the level, and hand the choropleth back when off', async () => {
    setActivePinia(createPinia())
    const view = useViewStore()
    view.view = { ...DEFAULT_VIEW, level: 'district', parent: '220800', city: '220800', period: '2025-01' }
    const w = mount(HotspotSwitches, { global: { plugins: [i18n] } })
    await w.get('[data-testid=layer-gistar]').setValue(true)
    expect(view.view.hotspot).toEqual({ layer: 'gistar', size: 1000, correction: 'none', distance: null })
    expect(view.view.layers.choropleth).toBe(false)

    await w.get('[data-testid=hotspot-correction]').setValue('fdr')
    await w.get('[data-testid=hotspot-distance]').setValue('2500')
    await w.get('[data-testid=hotspot-distance]').trigger('blur')
    expect(view.view.hotspot).toEqual({ layer: 'gistar', size: 1000, correction: 'fdr', distance: 2500 })

    await w.get('[data-testid=layer-emerging]').setValue(true)
    expect(view.view.hotspot).toEqual({ layer: 'emerging', size: 1000, correction: 'fdr', distance: 2500 })
    expect((w.get('[data-testid=layer-gistar]').element as HTMLInputElement).checked).toBe(false)

    await w.get('[data-testid=hotspot-distance]').setValue('abc')
    await w.get('[data-testid=hotspot-distance]').trigger('blur')
    expect(view.view.hotspot?.distance).toBeNull()

    await w.get('[data-testid=layer-emerging]').setValue(false)
    expect(view.view.hotspot).toBeUndefined()
    expect(view.view.layers.choropleth).toBe(true)
    // Back on: the options chosen before are kept.
    await w.get('[data-testid=layer-gistar]').setValue(true)
    expect(view.view.hotspot).toEqual({ layer: 'gistar', size: 1000, correction: 'fdr', distance: null })
  })
})
