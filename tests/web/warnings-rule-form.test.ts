import type { WarningRule } from '../../web/src/api/warnings-api.ts'
import type { RuleKind } from '../../web/src/logic/warning-rule-form.ts'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ruleBody, ruleKinds, ruleParams } from '../../server/src/warnings/rules.ts'
import RuleCreateForm from '../../web/src/components/warnings/RuleCreateForm.vue'
import RuleDelete from '../../web/src/components/warnings/RuleDelete.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { createRuleRequest, emptyRuleDraft, indicatorOptions, PARAM_DEFAULTS, RULE_KINDS, withKind } from '../../web/src/logic/warning-rule-form.ts'
import { useMetaStore } from '../../web/src/stores/meta.ts'
import { fakeServer, json } from './helpers.ts'

const numeric = (o: Record<string, string | boolean>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? Number(v) : v]))

describe('new warning rule: form logic', () => {
  it('offers exactly the server\'s five kinds', () => {
    expect([...RULE_KINDS]).toEqual([...ruleKinds])
  })

  it.each(RULE_KINDS)('shows the server\'s defaults for the parameters of %s', (kind: RuleKind) => {
    const shown = PARAM_DEFAULTS[kind]
    // The required parameters (no default) are shown empty; the server's schema must refuse them missing.
    const required = Object.keys(shown).filter(k => shown[k] === '')
    for (const k of required)
      expect(ruleParams[kind].safeParse({}).success, k).toBe(false)
    const filled = Object.fromEntries(required.map(k => [k, 1]))
    const defaults = ruleParams[kind].parse(filled) as Record<string, unknown>
    expect(defaults).toEqual({ ...numeric(Object.fromEntries(Object.entries(shown).filter(([k]) => !required.includes(k)))), ...filled })
  })

  it('builds a body the server\'s schema accepts, numbers typed as text becoming numbers', () => {
    const d = { ...withKind(emptyRuleDraft(), 'mom_significant'), name: '  环比 \'x\' ', indicator: '*subclass' }
    d.params.minZ = ' 3.5 '
    const body = createRuleRequest(d)
    expect(body).toEqual({ kind: 'mom_significant', name: '环比 \'x\'', indicator: '*subclass', level: 'township', params: { minZ: 3.5, minTotal: 6 }, severity: 'warning' })
    expect(ruleBody.safeParse(body).success).toBe(true)
    expect(ruleParams.mom_significant.safeParse(body.params).success).toBe(true)
  })

  it('leaves an empty number out (the server names it) and sends unreadable text as it is', () => {
    const rate = withKind(emptyRuleDraft(), 'rate_threshold')
    const r = createRuleRequest({ ...rate, name: 'r', indicator: 'B2-01' })
    expect(r.params).toEqual({ minCount: 3, minPopulation: 1000 })
    expect(ruleParams.rate_threshold.safeParse(r.params).error?.issues[0]?.path).toEqual(['per10k'])
    // A scoped admin's rule applies under its scope.
    expect(createRuleRequest({ ...rate, name: 'r', indicator: 'B2-01' }, '500104').region).toBe('500104')
    expect(ruleBody.safeParse(createRuleRequest({ ...rate, name: 'r', indicator: 'B2-01' }, '500104')).success).toBe(true)
    const bad = createRuleRequest({ ...rate, name: 'r', indicator: 'B2-01', params: { ...rate.params, per10k: '1,5' } })
    expect(bad.params.per10k).toBe('1,5')
  })

  it('switching kind resets the parameters and drops an indicator the new kind does not take', () => {
    const mom = { ...withKind(emptyRuleDraft(), 'mom_significant'), indicator: '*class', name: 'n' }
    mom.params.minZ = '4'
    const zero = withKind(mom, 'zero_target')
    expect(zero).toMatchObject({ kind: 'zero_target', indicator: '', name: 'n', params: {} })
    const esc = withKind({ ...mom, indicator: 'B2-01' }, 'escalation_ratio')
    expect(esc.indicator).toBe('')
    expect(createRuleRequest(esc).indicator).toBeNull()
    expect(esc.params).toEqual({ ratio: '1', trendRequired: true, months: '12', minEmerging: '10' })
    expect(withKind({ ...mom, indicator: 'B2-01' }, 'rate_threshold').indicator).toBe('B2-01')
    expect(withKind(mom, 'yoy_significant')).toMatchObject({ indicator: '*class', params: { minZ: '3' } })
  })

  it('lists every live catalogue code in tree order, retired ones left out', () => {
    const tree = [{ code: 'B', kind: 'category', name: { zh: '乙', en: 'B' }, children: [
      { code: 'B2', kind: 'class', name: { zh: '信访', en: 'Petitions' }, children: [
        { code: 'B2-01', kind: 'subclass', name: { zh: '征地', en: 'Land' } },
        { code: 'B2-09', kind: 'subclass', name: { zh: '旧', en: 'Old' }, retired: true },
      ] },
    ] }] as any
    expect(indicatorOptions(tree).map(o => [o.code, o.depth])).toEqual([['B', 0], ['B2', 1], ['B2-01', 2]])
  })
})

const rule = { id: 42, kind: 'zero_target', name: '命案零目标', indicator: 'C2-01', level: 'township', params: {}, severity: 'warning', enabled: true, region: null, synthetic: false, version: 3 } as unknown as WarningRule

describe('new warning rule and delete: components', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    useMetaStore().indicators = [{ code: 'C2-01', kind: 'subclass', name: { zh: '命案', en: 'Homicide' } }] as any
  })
  afterEach(() => vi.unstubAllGlobals())

  it('posts the draft and shows the server\'s 400 message next to the form', async () => {
    const message = 'indicator: the zero_target rule needs an indicator (a catalog code, *class or *subclass)'
    const seen = fakeServer({ 'POST /api/warning-rules': () => json(400, { error: { code: 'invalid_parameter', message } }) })
    const w = mount(RuleCreateForm, { global: { plugins: [i18n] } })
    // The significance kinds offer the wildcards; the zero target does not.
    expect(w.find('[data-testid=rule-create-indicator] option[value="*class"]').exists()).toBe(false)
    await w.get('[data-testid=rule-create-kind]').setValue('mom_significant')
    expect(w.find('[data-testid=rule-create-indicator] option[value="*class"]').exists()).toBe(true)
    expect((w.get('[data-testid=rule-create-minZ]').element as HTMLInputElement).value).toBe('3')
    await w.get('[data-testid=rule-create-kind]').setValue('zero_target')
    await w.get('[data-testid=rule-create-name]').setValue('零目标')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(JSON.parse(seen.find(r => r.method === 'POST')!.body!)).toEqual({ kind: 'zero_target', name: '零目标', indicator: null, level: 'township', params: {}, severity: 'warning' })
    expect(w.get('[data-testid=rule-create-error]').text()).toBe(message)
    expect(w.emitted('created')).toBeUndefined()
    // Editing the draft clears the refusal, which spoke of the draft as sent.
    await w.get('[data-testid=rule-create-indicator]').setValue('C2-01')
    expect(w.find('[data-testid=rule-create-error]').exists()).toBe(false)
  })

  it('emits the created rule and clears the error', async () => {
    fakeServer({ 'POST /api/warning-rules': () => json(201, { rule }) })
    const w = mount(RuleCreateForm, { global: { plugins: [i18n] } })
    await w.get('[data-testid=rule-create-name]').setValue('命案零目标')
    await w.get('[data-testid=rule-create-indicator]').setValue('C2-01')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.emitted('created')?.[0]).toEqual([rule])
    expect(w.find('[data-testid=rule-create-error]').exists()).toBe(false)
  })

  it('deletes after an in-place confirmation, sending the version', async () => {
    const seen = fakeServer({ 'DELETE /api/warning-rules/42': () => json(200, { deleted: rule }) })
    const w = mount(RuleDelete, { props: { rule }, global: { plugins: [i18n] } })
    await w.get('[data-testid=rule-42-delete]').trigger('click')
    expect(seen).toEqual([])
    await w.get('[data-testid=rule-42-confirm-delete]').trigger('click')
    await flushPromises()
    expect(seen.map(r => [r.method, new URL(r.url, 'http://x').pathname, new URL(r.url, 'http://x').searchParams.get('version')])).toEqual([['DELETE', '/api/warning-rules/42', '3']])
    expect(w.emitted('deleted')).toHaveLength(1)
  })

  it('a 409 says the rule changed and offers a reload', async () => {
    fakeServer({ 'DELETE /api/warning-rules/42': () => json(409, { error: { code: 'stale_version', message: 'warning rule 42 is at version 4, not 3: reload it' } }) })
    const w = mount(RuleDelete, { props: { rule }, global: { plugins: [i18n] } })
    await w.get('[data-testid=rule-42-delete]').trigger('click')
    await w.get('[data-testid=rule-42-confirm-delete]').trigger('click')
    await flushPromises()
    expect(w.emitted('deleted')).toBeUndefined()
    expect(w.get('[data-testid=rule-42-stale]').text()).toContain('该规则已被他人修改，请重新加载')
    await w.get('[data-testid=rule-42-stale] button').trigger('click')
    expect(w.emitted('reload')).toHaveLength(1)
  })
})
