import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import DrawGeometryField from '../../web/src/components/draw/DrawGeometryField.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { useDrawStore } from '../../web/src/stores/draw.ts'

type Props = InstanceType<typeof DrawGeometryField>['$props']

function field(props: Partial<Props> = {}, slots = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const all = { owner: 'patrol', kinds: ['polygon', 'linestring'], shape: null, keys: 'patrol.draw', testid: 'g', ...props } as Props
  return mount(DrawGeometryField, { props: all, slots, global: { plugins: [pinia, i18n] } })
}

const ids = (w: ReturnType<typeof field>) => w.findAll('[data-testid]').map(e => e.attributes('data-testid'))

describe('the geometry field shared by the listed-hotspot, unit and patrol-zone forms', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('offers one button per kind; a click starts the shared tool for its owner, and the hint names that kind', async () => {
    const w = field()
    expect(ids(w)).toEqual(['g', 'g-polygon', 'g-line'])
    expect(w.get('[data-testid=g-line]').text()).toBe('画路线')
    await w.get('[data-testid=g-line]').trigger('click')
    const draw = useDrawStore()
    expect([draw.owner, draw.mode]).toEqual(['patrol', 'linestring'])
    expect(w.get('[data-testid=g-hint]').text()).toBe('在地图上逐点单击画路线，双击结束')
    expect(ids(w)).toEqual(['g', 'g-hint', 'g-cancel'])
    await w.get('[data-testid=g-cancel]').trigger('click')
    expect(draw.mode).toBeNull()
    expect(ids(w)).toEqual(['g', 'g-polygon', 'g-line'])
  })

  it('ignores the tool while it draws for another owner, and cancels only its own', async () => {
    const w = field()
    const draw = useDrawStore()
    draw.start('units', 'point')
    await w.vm.$nextTick()
    expect(w.find('[data-testid=g-hint]').exists()).toBe(false)
    expect(w.find('[data-testid=g-polygon]').exists()).toBe(true)
  })

  it('names the shape it holds and turns the buttons into redraws', () => {
    const w = field({ owner: 'listed', kinds: ['point', 'polygon'], shape: 'Polygon', keys: 'listed.draw' })
    expect(w.get('[data-testid=g-status]').text()).toBe('已绘制：范围')
    expect(w.get('[data-testid=g-point]').text()).toBe('重新绘制: 放置点位')
    i18n.global.locale.value = 'en'
    return w.vm.$nextTick().then(() => expect(w.get('[data-testid=g-polygon]').text()).toBe('Redraw: Draw an area'))
  })

  it('lets a form say the status itself (a unit\'s coordinates), with its own redraw word', () => {
    const status = defineComponent(() => () => h('p', { 'data-testid': 'mine' }, '已放置'))
    const w = field({ owner: 'units', kinds: ['point'], shape: 'Point', keys: 'units.place' }, { status })
    expect(ids(w)).toEqual(['g', 'mine', 'g-point'])
    expect(w.get('[data-testid=g-point]').text()).toBe('移动位置')
  })
})
