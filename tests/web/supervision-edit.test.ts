import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../web/src/api/client.ts'
import SupervisionDetailView from '../../web/src/components/supervision/SupervisionDetail.vue'
import SupervisionForm from '../../web/src/components/supervision/SupervisionForm.vue'
import { i18n } from '../../web/src/i18n/index.ts'
import { draftOf, editBody, editFailure } from '../../web/src/logic/supervision-form.ts'
import { useAuthStore } from '../../web/src/stores/auth.ts'
import { useMetaStore } from '../../web/src/stores/meta.ts'
import { useSupervisionStore } from '../../web/src/stores/supervision.ts'
import { adminSession, fakeServer, json } from './helpers.ts'

const listing = {
  id: 7,
  region: '500104003000',
  regionName: '九宫庙街道',
  regionLevel: 'township',
  population: 52000,
  reason: '警情居前',
  unit: '九宫庙街道办事处',
  plan: '每周联合执法',
  listedOn: '2026-01-05',
  deadline: '2026-06-30',
  indicator: 'A2',
  thresholdKind: 'count' as const,
  threshold: 20,
  monthsRequired: 3,
  status: 'listed' as const,
  closure: null,
  version: 4,
  createdBy: 'admin',
  createdAt: '2026-01-05T02:00:00Z',
  updatedBy: 'admin',
  updatedAt: '2026-01-05T02:00:00Z',
  noteCount: 0,
  latestNote: null,
  overdue: false,
  summons: false,
}

describe('the edit mode of the supervision form (logic)', () => {
  it('starts from the listing as read and sends nothing when nothing changed', () => {
    const d = draftOf(listing)
    expect(d).toEqual({ region: listing.region, reason: '警情居前', unit: '九宫庙街道办事处', plan: '每周联合执法', deadline: '2026-06-30', indicator: 'A2', thresholdKind: 'count', threshold: '20', monthsRequired: '3' })
    expect(editBody(d, listing)).toEqual({ ok: true, changed: false, body: { version: 4 } })
    // Whitespace around the reason is trimmed, as on create: still no change.
    expect(editBody({ ...d, reason: ' 警情居前 ' }, listing)).toMatchObject({ changed: false })
  })

  it('sends only the changed fields, parsed, with the version read', () => {
    const d = { ...draftOf(listing), deadline: '2026-09-30', threshold: '12.5', thresholdKind: 'per10k' as const }
    expect(editBody(d, listing)).toEqual({ ok: true, changed: true, body: { deadline: '2026-09-30', thresholdKind: 'per10k', threshold: 12.5, version: 4 } })
    expect(editBody({ ...draftOf(listing), plan: '' }, listing)).toEqual({ ok: true, changed: true, body: { plan: '', version: 4 } })
  })

  it('refuses what the create form refuses, never the (fixed) region', () => {
    expect(editBody({ ...draftOf(listing), reason: '  ', deadline: '', monthsRequired: '25' }, listing)).toEqual({ ok: false, problems: ['reason', 'deadline', 'monthsRequired'] })
    expect(editBody({ ...draftOf(listing), region: '' }, listing)).toMatchObject({ ok: true })
  })

  it('a 409 asks for a reload; anything else is the server\'s words', () => {
    expect(editFailure(new ApiError(409, 'version_conflict', 'stale'))).toEqual({ conflict: true })
    expect(editFailure(new ApiError(409, 'closed', 'closed'))).toEqual({ conflict: true })
    expect(editFailure(new ApiError(400, 'invalid_parameter', 'deadline: must not be before listedOn (2026-01-05)'))).toEqual({ conflict: false, message: 'deadline: must not be before listedOn (2026-01-05)' })
  })
})

function setup(role: 'admin' | 'editor' | 'analyst' = 'editor') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useMetaStore().indicators = [{ code: 'A', kind: 'category', name: { zh: '治安', en: 'Order' }, stage: 'source', children: [
    { code: 'A2', kind: 'class', name: { zh: '警情', en: 'Calls' }, stage: 'source' },
  ] }] as never
  useAuthStore().session = { ...adminSession, role } as never
  return pinia
}

describe('the edit form and button (components)', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows 编辑 on an open listing for writers only', () => {
    const detail = { listing, notes: [] }
    const editor = mount(SupervisionDetailView, { props: { detail }, global: { plugins: [setup('editor'), i18n] } })
    expect(editor.find('[data-testid=supervision-edit]').exists()).toBe(true)
    const analyst = mount(SupervisionDetailView, { props: { detail }, global: { plugins: [setup('analyst'), i18n] } })
    expect(analyst.find('[data-testid=supervision-edit]').exists()).toBe(false)
    const closed = { listing: { ...listing, status: 'closed' as const }, notes: [] }
    const editorClosed = mount(SupervisionDetailView, { props: { detail: closed }, global: { plugins: [setup('editor'), i18n] } })
    expect(editorClosed.find('[data-testid=supervision-edit]').exists()).toBe(false)
  })

  it('patches the changed deadline with the version and returns to the detail', async () => {
    const pinia = setup()
    const s = useSupervisionStore()
    s.select(7)
    s.startEdit()
    expect(s.mode).toBe('edit')
    const seen = fakeServer({ 'PATCH /api/supervision/7': () => json(200, { listing: { ...listing, deadline: '2026-09-30', version: 5 } }) })
    const wrapper = mount(SupervisionForm, { props: { listing }, global: { plugins: [pinia, i18n] } })
    expect(wrapper.find('[data-testid=supervision-region-select]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=supervision-region-name]').text()).toContain('500104003000')
    await wrapper.get('[data-testid=supervision-deadline]').setValue('2026-09-30')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(seen).toHaveLength(1)
    expect(JSON.parse(seen[0]!.body!)).toEqual({ deadline: '2026-09-30', version: 4 })
    expect(s.mode).toBe('detail')
    expect(s.selectedId).toBe(7)
  })

  it('shows a 409 as changed by someone else, and a 400 in the server\'s words', async () => {
    const pinia = setup()
    const s = useSupervisionStore()
    s.select(7)
    s.startEdit()
    let answer = json(409, { error: { code: 'version_conflict', message: 'the listing was changed by someone else' } })
    fakeServer({ 'PATCH /api/supervision/7': () => answer })
    const wrapper = mount(SupervisionForm, { props: { listing }, global: { plugins: [pinia, i18n] } })
    await wrapper.get('[data-testid=supervision-unit]').setValue('大渡口区公安分局')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid=supervision-form-conflict]').text()).toContain(i18n.global.t('supervision.edit.conflict'))
    expect(wrapper.find('[data-testid=supervision-form-error]').exists()).toBe(false)
    expect(s.mode).toBe('edit')

    answer = json(400, { error: { code: 'invalid_parameter', message: 'deadline: must not be before listedOn (2026-01-05)' } })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid=supervision-form-conflict]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=supervision-form-error]').text()).toBe('deadline: must not be before listedOn (2026-01-05)')

    // Reload refetches (bumps the revision); the new version resets the form.
    const before = s.revision
    answer = json(409, { error: { code: 'version_conflict', message: 'stale' } })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wrapper.get('[data-testid=supervision-reload]').trigger('click')
    expect(s.revision).toBe(before + 1)
    await wrapper.setProps({ listing: { ...listing, unit: '他人改过的单位', version: 5 } })
    expect(wrapper.find('[data-testid=supervision-form-conflict]').exists()).toBe(false)
    expect((wrapper.get('[data-testid=supervision-unit]').element as HTMLInputElement).value).toBe('他人改过的单位')
  })
})
