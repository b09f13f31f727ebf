import type { ListedDraft } from '../../web/src/logic/listed-form.ts'
import { describe, expect, it } from 'vitest'
import { createRequest, emptyDraft, isIsoDate, patchRequest, todayInShanghai, validateDraft, validateExtension } from '../../web/src/logic/listed-form.ts'

const subclasses = new Set(['A2-01', 'A2-03', 'C2-05'])
const square = { type: 'Polygon' as const, coordinates: [[[106.48, 29.47], [106.49, 29.47], [106.49, 29.48], [106.48, 29.47]]] }

function draft(changes: Partial<ListedDraft> = {}): ListedDraft {
  return {
    name: '春晖路 "夜市" 噪声; $1 🚨',
    indicators: ['A2-01'],
    responsibleUnit: '大渡口区公安分局',
    listedOn: '2026-03-15',
    deadline: '2026-06-30',
    measures: '',
    attachments: [],
    geometry: square,
    ...changes,
  }
}

describe('listed hotspot form checks', () => {
  it('accepts a complete draft, hostile text included', () => {
    expect(validateDraft(draft(), subclasses)).toEqual({})
  })

  it('names every missing field of an empty draft', () => {
    const errors = validateDraft(emptyDraft('2026-03-15'), subclasses)
    expect(Object.keys(errors).sort()).toEqual(['deadline', 'geometry', 'indicators', 'name', 'responsibleUnit'])
    expect(errors.deadline).toEqual({ key: 'required' })
    expect(errors.geometry).toEqual({ key: 'geometryRequired' })
  })

  it('refuses a deadline before the listing date, but not the same day', () => {
    expect(validateDraft(draft({ deadline: '2026-03-14' }), subclasses).deadline).toEqual({ key: 'deadlineBeforeListed', params: { listedOn: '2026-03-15' } })
    expect(validateDraft(draft({ deadline: '2026-03-15' }), subclasses)).toEqual({})
  })

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-2-3')).toBe(false)
    expect(validateDraft(draft({ listedOn: '2026-02-30' }), subclasses).listedOn).toEqual({ key: 'date' })
  })

  it('checks names by trimmed length: 200 characters pass, 201 do not', () => {
    expect(validateDraft(draft({ name: `  ${'名'.repeat(200)}  ` }), subclasses).name).toBeUndefined()
    expect(validateDraft(draft({ name: '名'.repeat(201) }), subclasses).name).toEqual({ key: 'tooLong', params: { max: 200 } })
    expect(validateDraft(draft({ name: '   ' }), subclasses).name).toEqual({ key: 'required' })
  })

  it('refuses unknown indicator codes, unless the catalogue is not loaded yet', () => {
    expect(validateDraft(draft({ indicators: ['A2-01', 'Z9-99'] }), subclasses).indicators).toEqual({ key: 'unknownIndicator', params: { code: 'Z9-99' } })
    expect(validateDraft(draft({ indicators: ['Z9-99'] }), new Set()).indicators).toBeUndefined()
  })

  it('allows only http(s) attachment links with a title, and ignores rows left empty', () => {
    expect(validateDraft(draft({ attachments: [{ title: '', url: '' }, { title: '方案', url: 'https://example.org/a.pdf' }] }), subclasses)).toEqual({})
    expect(validateDraft(draft({ attachments: [{ title: 'x', url: 'javascript:alert(1)' }] }), subclasses).attachments).toEqual({ key: 'attachmentUrl', params: { row: 1 } })
    expect(validateDraft(draft({ attachments: [{ title: 'ok', url: 'https://a.b' }, { title: '', url: 'https://c.d' }] }), subclasses).attachments).toEqual({ key: 'attachmentTitle', params: { row: 2 } })
    expect(validateDraft(draft({ attachments: [{ title: 'ftp', url: 'ftp://files.example.org/x' }] }), subclasses).attachments?.key).toBe('attachmentUrl')
  })

  it('lets an edit keep its saved geometry', () => {
    expect(validateDraft(draft({ geometry: null }), subclasses, { geometryKept: true })).toEqual({})
  })

  it('builds the POST body trimmed, without empty attachment rows', () => {
    const body = createRequest(draft({ name: ' A ', responsibleUnit: ' 单位 ', attachments: [{ title: ' t ', url: ' https://x.y/z ' }, { title: '', url: '' }] }))
    expect(body).toEqual({
      name: 'A',
      indicators: ['A2-01'],
      responsibleUnit: '单位',
      listedOn: '2026-03-15',
      deadline: '2026-06-30',
      measures: '',
      attachments: [{ title: 't', url: 'https://x.y/z' }],
      geometry: square,
    })
  })

  it('leaves the deadline out of an edit, and the geometry unless it was redrawn', () => {
    const kept = patchRequest(draft(), 3, false)
    expect(kept).not.toHaveProperty('deadline')
    expect(kept).not.toHaveProperty('geometry')
    expect(kept.version).toBe(3)
    expect(patchRequest(draft(), 3, true)).toMatchObject({ geometry: square, version: 3 })
  })

  it('asks an extension for a real date after the current deadline', () => {
    expect(validateExtension('', '2026-06-30')).toEqual({ key: 'required' })
    expect(validateExtension('2026-06-31', '2026-06-30')).toEqual({ key: 'date' })
    expect(validateExtension('2026-06-30', '2026-06-30')).toEqual({ key: 'extendNotLater', params: { deadline: '2026-06-30' } })
    expect(validateExtension('2026-07-01', '2026-06-30')).toBeNull()
  })

  it('counts today in Asia/Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31')
    expect(todayInShanghai(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01')
  })
})
