import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import CompareAddButton from '../../web/src/components/compare/CompareAddButton.vue'
import CompareTray from '../../web/src/components/compare/CompareTray.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { addToTray, moveInTray, parseTray, regionListQuery, removeFromTray, serializeTray, TRAY_COLORS } from '../../web/src/logic/compare-tray.ts'
import { parseViewQuery, serializeViewQuery } from '../../web/src/logic/url-state.ts'
import { useCompareStore } from '../../web/src/stores/compare.ts'
import { useViewStore } from '../../web/src/stores/view.ts'

const [a, b, c] = ['220802009000', '220802103000', '220821']

describe('compare tray logic', () => {
  it('parses `tray=` keeping valid codes once each, in order, at most six', () => {
    expect(parseTray(`${a},${b},${c}`)).toEqual([a, b, c])
    expect(parseTray(`${a},x;DROP,${a},22080,${b}`)).toEqual([a, b])
    expect(parseTray(['110101', '110102', '110105', '110106', '110107', '110108', '110109'].join(','))).toHaveLength(6)
    expect(parseTray(undefined)).toEqual([])
    expect(serializeTray([])).toBeUndefined()
    expect(serializeTray([a, b])).toBe(`${a},${b}`)
  })

  it('adds once, up to six; removes; moves one place within the ends', () => {
    expect(addToTray([a], a)).toEqual([a])
    expect(addToTray([a], b)).toEqual([a, b])
    const six = ['110101', '110102', '110105', '110106', '110107', '110108']
    expect(addToTray(six, a)).toEqual(six)
    expect(removeFromTray([a, b, c], b)).toEqual([a, c])
    expect(moveInTray([a, b, c], c, -1)).toEqual([a, c, b])
    expect(moveInTray([a, b, c], a, 1)).toEqual([b, a, c])
    expect(moveInTray([a, b, c], a, -1)).toEqual([a, b, c])
    expect(moveInTray([a, b, c], c, 1)).toEqual([a, b, c])
    expect(new Set(TRAY_COLORS).size).toBe(6)
  })

  it('finds where a region boundary is listed from its code', () => {
    const cities = ['220800', '500000']
    expect(regionListQuery(a, cities)).toEqual({ level: 'township', parent: '220802' })
    expect(regionListQuery('220821', cities)).toEqual({ level: 'district', parent: '220800' })
    expect(regionListQuery('500104', cities)).toEqual({ level: 'district', parent: '500000' })
    expect(regionListQuery('220800', cities)).toEqual({ level: 'city' })
  })

  it('the tray round-trips through the URL and leaves `compare=` (MoM/YoY) alone', () => {
    const view = parseViewQuery({ level: 'township', parent: '220802', compare: 'mom', tray: `${a},${b},${c}` })
    expect(view.tray).toEqual([a, b, c])
    expect(view.compare).toBe('mom')
    const query = serializeViewQuery(view)
    expect(query.tray).toBe(`${a},${b},${c}`)
    expect(parseViewQuery(query)).toEqual(view)
    expect(serializeViewQuery(parseViewQuery({})).tray).toBeUndefined()
    expect(parseViewQuery({}).tray).toBeUndefined()
  })
})

describe('compare tray components', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    i18n.global.locale.value = 'en'
  })

  function mountTray() {
    const pinia = createPinia()
    setActivePinia(pinia)
    return mount(CompareTray, { global: { plugins: [pinia, i18n] } })
  }

  it('reorders and removes with buttons, writing the view (and so the URL)', async () => {
    const wrapper = mountTray()
    const compare = useCompareStore()
    for (const code of [a, b, c])
      compare.add(code)
    compare.remember(a, '平台镇 "x"')
    await wrapper.vm.$nextTick()
    const chips = () => wrapper.findAll('[data-testid=compare-chip]').map(w => w.attributes('data-code'))
    expect(chips()).toEqual([a, b, c])
    expect(wrapper.get('[data-testid=compare-chip]').text()).toContain('平台镇 "x"')
    expect(wrapper.findAll('[data-testid=compare-earlier]')[0]!.attributes('disabled')).toBeDefined()
    expect(wrapper.findAll('[data-testid=compare-later]')[2]!.attributes('disabled')).toBeDefined()
    await wrapper.findAll('[data-testid=compare-later]')[0]!.trigger('click')
    expect(chips()).toEqual([b, a, c])
    await wrapper.findAll('[data-testid=compare-earlier]')[2]!.trigger('click')
    expect(chips()).toEqual([b, c, a])
    await wrapper.findAll('[data-testid=compare-remove]')[1]!.trigger('click')
    expect(chips()).toEqual([b, a])
    expect(serializeViewQuery(useViewStore().view).tray).toBe(`${b},${a}`)
    await wrapper.findAll('[data-testid=compare-remove]')[0]!.trigger('click')
    expect(wrapper.text()).toContain('Pick 1 more to compare')
  })

  it('the mode button switches compare mode; clear empties the tray and ends the mode', async () => {
    const wrapper = mountTray()
    const compare = useCompareStore()
    await wrapper.get('[data-testid=compare-mode]').trigger('click')
    expect(compare.mode).toBe(true)
    expect(wrapper.get('[data-testid=compare-mode]').attributes('aria-pressed')).toBe('true')
    compare.toggle(a)
    compare.toggle(b)
    compare.toggle(a)
    expect(compare.codes).toEqual([b])
    await wrapper.vm.$nextTick()
    await wrapper.get('[data-testid=compare-clear]').trigger('click')
    expect(compare.codes).toEqual([])
    expect(compare.mode).toBe(false)
    expect(useViewStore().view.tray).toBeUndefined()
  })

  it('the region panel button adds once and says so', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const wrapper = mount(CompareAddButton, { props: { code: a }, global: { plugins: [pinia, i18n] } })
    await wrapper.trigger('click')
    await wrapper.trigger('click')
    expect(useCompareStore().codes).toEqual([a])
    expect(wrapper.text()).toBe('In the compare tray')
    expect(wrapper.attributes('disabled')).toBeDefined()
  })
})
