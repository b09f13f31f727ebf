import type { DutyRow } from '../../web/src/logic/duty-windows.ts'
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import DutyWindowsEditor from '../../web/src/components/duty/DutyWindowsEditor.vue'
import { i18n } from '../../web/src/i18n/index.ts'

const EVENING = { days: [1, 2, 3, 4, 5, 6, 7], start: '19:00', end: '23:00' }

/** The editor with its v-model wired to a plain array, as a form would hold it. */
function editor(rows: DutyRow[], props: Partial<{ keys: 'units.duty' | 'patrol.shifts', errors: Array<'start' | 'days' | null> }> = {}) {
  const model = { rows }
  const wrapper = mount(DutyWindowsEditor, {
    props: {
      'modelValue': rows,
      'onUpdate:modelValue': (v: DutyRow[]) => {
        model.rows = v
        void wrapper.setProps({ modelValue: v })
      },
      'keys': props.keys ?? 'patrol.shifts',
      'empty': '未排班',
      'added': EVENING,
      'testid': 'shift',
      'errors': props.errors,
    },
    global: { plugins: [i18n] },
  })
  return { wrapper, model }
}

describe('the time-window editor shared by unit duty windows and patrol shifts', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('says what no rows mean, and adds the feature\'s new row as a copy', async () => {
    const { wrapper, model } = editor([])
    expect(wrapper.get('[data-testid=shift-empty]').text()).toBe('未排班')
    await wrapper.get('[data-testid=shift-add]').trigger('click')
    await wrapper.get('[data-testid=shift-add]').trigger('click')
    expect(model.rows).toEqual([EVENING, EVENING])
    expect(wrapper.find('[data-testid=shift-empty]').exists()).toBe(false)
    // Toggling a day in one row leaves the other row and the template untouched.
    await wrapper.get('[data-testid=shift-day-1-3]').trigger('click')
    expect(model.rows[0]!.days).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(model.rows[1]!.days).toEqual([1, 2, 4, 5, 6, 7])
    expect(EVENING.days).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(wrapper.get('[data-testid=shift-day-1-3]').attributes('aria-pressed')).toBe('false')
  })

  it('edits times and days without mutating the rows it was given, and removes a row', async () => {
    const given = [{ days: [5], start: '20:00', end: '02:00' }, { days: [1, 3], start: '08:00', end: '12:00' }]
    const { wrapper, model } = editor(given)
    await wrapper.get('[data-testid=shift-start-1]').setValue('9:30')
    await wrapper.get('[data-testid=shift-day-1-2]').trigger('click')
    expect(model.rows[1]).toEqual({ days: [1, 2, 3], start: '9:30', end: '12:00' })
    expect(given[1]).toEqual({ days: [1, 3], start: '08:00', end: '12:00' })
    await wrapper.get('[data-testid=shift-remove-0]').trigger('click')
    expect(model.rows).toEqual([{ days: [1, 2, 3], start: '9:30', end: '12:00' }])
    expect(wrapper.find('[data-testid=shift-row-1]').exists()).toBe(false)
  })

  it('words everything under the feature\'s own i18n keys, errors included', () => {
    const rows = [{ days: [], start: '08:00', end: '09:00' }, { days: [1], start: '25:00', end: '09:00' }]
    const units = editor(rows, { keys: 'units.duty', errors: ['days', 'start'] }).wrapper
    expect(units.get('[data-testid=shift-invalid-0]').text()).toBe('至少选择一天')
    expect(units.get('[data-testid=shift-invalid-1]').text()).toBe('开始时间应为 HH:MM（00:00–23:59）')
    expect(units.text()).toContain('添加时段')
    const patrol = editor(rows, { errors: ['days', null] }).wrapper
    expect(patrol.get('[data-testid=shift-invalid-0]').text()).toBe('至少选一天')
    expect(patrol.find('[data-testid=shift-invalid-1]').exists()).toBe(false)
    expect(patrol.text()).toContain('加班次')
    expect(patrol.get('[data-testid=shift-day-0-7]').text()).toBe('日')
    expect(patrol.get('[data-testid=shift-start-0]').attributes('placeholder')).toBe('19:00')
  })
})
