import type { ListedDraft } from '../../web/src/logic/listed-form.ts'
import { describe, expect, it } from 'vitest'
import { createBody } from '../../server/src/listed/schemas.ts'
import { createRequest, hasErrors, validateDraft } from '../../web/src/logic/listed-form.ts'

const point = { type: 'Point' as const, coordinates: [106.48, 29.47] }
const base: ListedDraft = {
  name: '九宫庙 \'夜市\'',
  indicators: ['A2-01'],
  responsibleUnit: '派出所',
  listedOn: '2026-03-15',
  deadline: '2026-04-01',
  measures: '',
  attachments: [],
  geometry: point,
}

/** Drafts the client and the server's zod schema must judge alike (the catalogue check is the route's). */
const corpus: Array<[string, Partial<ListedDraft>]> = [
  ['complete', {}],
  ['empty name', { name: '  ' }],
  ['name of 200', { name: 'n'.repeat(200) }],
  ['name of 201', { name: 'n'.repeat(201) }],
  ['no indicators', { indicators: [] }],
  ['21 indicators', { indicators: Array.from({ length: 21 }, () => 'A2-01') }],
  ['empty unit', { responsibleUnit: '' }],
  ['unit of 201', { responsibleUnit: 'u'.repeat(201) }],
  ['no deadline', { deadline: '' }],
  ['deadline before listing', { deadline: '2026-03-14' }],
  ['deadline on the listing day', { deadline: '2026-03-15' }],
  ['not a real day', { deadline: '2026-02-30' }],
  ['measures of 5000', { measures: 'm'.repeat(5000) }],
  ['measures of 5001', { measures: 'm'.repeat(5001) }],
  ['javascript link', { attachments: [{ title: 'x', url: 'javascript:alert(1)' }] }],
  ['link without title', { attachments: [{ title: '', url: 'https://example.org' }] }],
  ['good link', { attachments: [{ title: '方案 🚨', url: 'https://example.org/a?b=1&c=$2' }] }],
  ['21 links', { attachments: Array.from({ length: 21 }, (_, i) => ({ title: `t${i}`, url: 'https://example.org' })) }],
]

describe('client checks mirror the server schema', () => {
  it.each(corpus)('%s', (_, changes) => {
    const draft = { ...base, ...changes }
    const client = !hasErrors(validateDraft(draft, new Set(['A2-01'])))
    const server = createBody.safeParse(createRequest(draft)).success
    expect(client).toBe(server)
  })

  it('leaves the 1970–2100 date range to the server, whose message the form then shows', () => {
    const draft = { ...base, deadline: '2101-01-31' }
    expect(hasErrors(validateDraft(draft, new Set(['A2-01'])))).toBe(false)
    const result = createBody.safeParse(createRequest(draft))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/between 1970 and 2100/)
  })
})
