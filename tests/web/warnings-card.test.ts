import type { WarningItem } from '../../web/src/api/warnings-api.ts'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WarningCard from '../../web/src/components/warnings/WarningCard.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import zh from '../../web/src/i18n/warnings-zh-CN.ts'

const item: WarningItem = {
  id: 7,
  ruleId: 1,
  rule: 'mom_significant',
  ruleName: '环比',
  severity: 'warning',
  status: 'open',
  region: '500104004000',
  regionName: '茄子溪街道',
  regionLevel: 'township',
  city: '500100',
  indicator: 'B2-01',
  indicatorName: { zh: '征地拆迁信访', en: 'Petitions on land acquisition and demolition' },
  period: '2026-12',
  evidence: { current: 17, previous: 0, baselineMonth: '2026-11', change: 17, changePct: null, z: 8.246, minZ: 3, minTotal: 6, total: 17 },
  message: { zh: '茄子溪街道征地拆迁信访 2026-12 环比显著上升：0 → 17', en: 'significant rise' },
  createdAt: '2026-12-05T00:00:00Z',
  updatedAt: '2026-12-05T00:00:00Z',
  ackedBy: null,
  ackedAt: null,
  ackNote: null,
  closedBy: null,
  closedAt: null,
  closeNote: null,
}

/** Every leaf key of the warnings messages, as `warnings.a.b`. */
function keys(o: Record<string, unknown>, prefix = 'warnings'): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}.${k}`] : keys(v as Record<string, unknown>, `${prefix}.${k}`)))
}

describe('warnings panel texts and card', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it.each(['zh-CN', 'en'] as const)('every warnings message compiles and renders in %s', (lang) => {
    i18n.global.locale.value = lang
    for (const key of keys(zh)) {
      const text = i18n.global.t(key, { n: 1, period: '2026-12', version: 2 })
      expect(text, key).not.toBe(key)
      expect(text.length, key).toBeGreaterThan(0)
    }
    expect(i18n.global.t('warnings.param.minZ')).toBe('|z| ≥')
  })

  it('shows the severity, region, indicator, message and every evidence number', () => {
    const w = mount(WarningCard, { props: { item }, global: { plugins: [i18n] } })
    expect(w.get('[data-testid=warning-severity]').text()).toBe('预警')
    expect(w.get('[data-testid=warning-region]').text()).toBe('茄子溪街道')
    expect(w.text()).toContain('征地拆迁信访')
    const ev = w.get('[data-testid=warning-evidence]')
    expect(ev.get('[data-key=current] dd').text()).toBe('17')
    expect(ev.get('[data-key=previous] dd').text()).toBe('0')
    expect(ev.get('[data-key=z] dd').text()).toBe('8.25')
    expect(ev.get('[data-key=minZ] dt').text()).toBe('阈值 |z|')
    // A null (percent from a zero baseline) is left out, not shown as "null".
    expect(ev.find('[data-key=changePct]').exists()).toBe(false)
  })
})
