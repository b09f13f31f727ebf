import type { Comparison } from '../../web/src/api/compare-api.ts'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import CompareTable from '../../web/src/components/compare/CompareTable.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { barOption, radarOption, trendOption } from '../../web/src/logic/compare-charts.ts'
import { TRAY_COLORS } from '../../web/src/logic/compare-tray.ts'

function change(previous: number | null, current: number, flag: 'none' | 'notice' | 'warning' = 'none') {
  return {
    previous,
    change: previous === null ? null : current - previous,
    changePct: previous ? ((current - previous) / previous) * 100 : null,
    z: previous === null ? null : 2 * (Math.sqrt(current) - Math.sqrt(previous)),
    flag,
    zFlag: flag,
    smallCount: false,
    direction: previous === null ? null : current > previous ? 'up' : current < previous ? 'down' : 'flat',
    worsening: flag === 'none' ? false : current > (previous ?? 0),
  }
}
const cell = (value: number, previous: number | null, flag?: 'none' | 'notice' | 'warning') => ({ value, per10k: value / 2, mom: change(previous, value, flag), yoy: change(null, value) })
const indicators = [
  { code: 'all', kind: 'total', name: { zh: '全部', en: 'All' }, parent: null, polarity: 'rise_bad' },
  { code: 'A', kind: 'category', name: { zh: '矛盾风险萌芽', en: 'Emerging' }, parent: null, polarity: 'rise_bad' },
  { code: 'A1', kind: 'class', name: { zh: '12345热线', en: 'Hotline' }, parent: 'A', polarity: 'rise_bad' },
]
function region(code: string, name: string, values: number[]) {
  return {
    code,
    name,
    level: 'township',
    parent: '220802',
    population: 20_000,
    populationSynthetic: true,
    approximate: false,
    smallPopulation: false,
    cells: { all: cell(values[0]!, 0), A: cell(values[1]!, 4, 'notice'), A1: cell(values[2]!, 30, 'warning') },
    trends: { all: [1, 2, values[0]!], A: [0, 1, values[1]!] },
  }
}
const data = {
  month: '2026-03',
  momMonth: '2026-02',
  yoyMonth: '2025-03',
  trendMonths: ['2026-01', '2026-02', '2026-03'],
  dataMonths: { from: '2024-01', to: '2026-03' },
  indicators,
  regions: [region('220802009000', '平台 "镇"', [1234, 12, 5]), region('220802103000', '岭下镇', [7, 3, 1])],
  method: {},
} as unknown as Comparison

describe('comparison table', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('shows value, per 10k, MoM and YoY per region and indicator, with the raw numbers kept for checking', () => {
    const wrapper = mount(CompareTable, { props: { data }, global: { plugins: [createPinia(), i18n] } })
    const heads = wrapper.findAll('th.region')
    expect(heads.map(h => h.attributes('data-code'))).toEqual(['220802009000', '220802103000'])
    expect(heads[0]!.text()).toContain('平台 "镇"')
    const row = (code: string) => wrapper.get(`tr[data-indicator="${code}"]`)
    expect(row('all').findAll('td.value').map(td => td.attributes('data-value'))).toEqual(['1234', '7'])
    expect(row('all').get('td.value').text()).toBe('1,234')
    // Percent empty when the baseline is 0: the raw change is shown instead.
    expect(row('all').get('td[data-kind=mom]').text()).toBe('+1,234')
    expect(row('A').get('td[data-kind=mom]').text()).toBe('+200%●')
    expect(row('A').get('td[data-kind=mom]').attributes('data-flag')).toBe('notice')
    expect(row('A1').get('td[data-kind=mom]').text()).toBe('−83.3%◆')
    expect(row('A1').get('td[data-kind=mom]').attributes('title')).toContain('z = -6.48')
    expect(row('A1').get('td[data-kind=yoy]').text()).toBe('—')
    expect(row('A1').get('th').text()).toBe('A1 12345热线')
  })

  it('charts: one series per region in its tray colour', () => {
    const label = (i: { name: { en: string } }) => i.name.en
    const bar = barOption(data, 'per10k', label)
    expect(bar.xAxis.data).toEqual(['All', 'Emerging'])
    expect(bar.series.map(s => s.itemStyle.color)).toEqual([TRAY_COLORS[0], TRAY_COLORS[1]])
    expect(bar.series[0]!.data).toEqual([617, 6])
    const radar = radarOption(data, 'value', label)
    expect(radar.radar.indicator).toEqual([{ name: 'Hotline', max: 5 }])
    expect(radar.series[0]!.data.map(d => d.value)).toEqual([[5], [1]])
    const trend = trendOption(data, 'A')
    expect(trend.series.map(s => s.data)).toEqual([[0, 1, 12], [0, 1, 3]])
  })
})
