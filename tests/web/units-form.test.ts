import type { UnitDraft } from '../../web/src/logic/units-form.ts'
import { describe, expect, it } from 'vitest'
import { createBody, patchBody } from '../../server/src/response/schemas.ts'
import { createUnitRequest, hasUnitErrors, patchUnitRequest, validateUnitDraft } from '../../web/src/logic/units-form.ts'

const point = { type: 'Point' as const, coordinates: [106.48, 29.47] }
const base: UnitDraft = {
  name: '九宫庙 \'治安岗亭\'; $1 🚨',
  type: 'security_post',
  staff: '3',
  duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
  contact: '023-6888 1234',
  geometry: point,
}

/** Drafts the browser and the server's zod schema must judge alike (overlaps excepted, see below). */
const corpus: Array<[string, Partial<UnitDraft>]> = [
  ['complete', {}],
  ['empty name', { name: '  ' }],
  ['name of 200', { name: 'n'.repeat(200) }],
  ['name of 201', { name: 'n'.repeat(201) }],
  ['no type', { type: '' }],
  ['staff 0', { staff: '0' }],
  ['staff 100000', { staff: '100000' }],
  ['staff 100001', { staff: '100001' }],
  ['staff negative', { staff: '-1' }],
  ['staff fractional', { staff: '2.5' }],
  ['staff empty', { staff: '' }],
  ['contact of 200', { contact: 'c'.repeat(200) }],
  ['contact of 201', { contact: 'c'.repeat(201) }],
  ['no contact', { contact: '' }],
  ['around the clock', { duty: [] }],
  ['overnight', { duty: [{ days: [5], start: '22:00', end: '06:00' }] }],
  ['to 24:00', { duty: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }] }],
  ['start 24:00', { duty: [{ days: [1], start: '24:00', end: '06:00' }] }],
  ['start = end', { duty: [{ days: [1], start: '08:00', end: '08:00' }] }],
  ['no days', { duty: [{ days: [], start: '08:00', end: '09:00' }] }],
  ['bad minute', { duty: [{ days: [1], start: '08:75', end: '09:00' }] }],
  ['time as typed', { duty: [{ days: [1], start: '8:00', end: '0930' }] }],
  ['no point', { geometry: null }],
]

describe('unit form checks mirror the server schema', () => {
  it.each(corpus)('%s', (_, changes) => {
    const draft = { ...base, ...changes }
    const client = !hasUnitErrors(validateUnitDraft(draft))
    const server = createBody.safeParse(createUnitRequest(draft)).success
    expect(client).toBe(server)
  })

  it('leaves overlapping windows to the server, whose message names both', () => {
    const draft = { ...base, duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, { days: [1, 2, 3, 4, 5, 6, 7], start: '17:00', end: '23:00' }] }
    expect(hasUnitErrors(validateUnitDraft(draft))).toBe(false)
    const result = createBody.safeParse(createUnitRequest(draft))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/duty windows overlap: window 1 \(1,2,3,4,5 08:00-18:00\) and window 2 \(17:00-23:00\)/)
  })

  it('keeps the saved point in an edit unless a new one is placed', () => {
    expect(validateUnitDraft({ ...base, geometry: null }, { geometryKept: true })).toEqual({})
    expect(validateUnitDraft({ ...base, geometry: null })).toEqual({ geometry: 'required' })
  })
})

describe('an edit sends only what changed, with the version read', () => {
  const saved = {
    id: 4,
    name: base.name,
    type: 'security_post' as const,
    staff: 3,
    duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
    contact: '023-6888 1234',
    region: '500104001000',
    createdBy: 'admin',
    updatedBy: 'admin',
    createdAt: '',
    updatedAt: '',
    version: 7,
  }

  it('nothing but a new staff count', () => {
    const patch = patchUnitRequest({ ...base, geometry: null, staff: '5' }, saved)
    expect(patch).toEqual({ version: 7, staff: 5 })
    expect(patchBody.safeParse(patch).success).toBe(true)
  })

  it('no duty windows when they are the same, whatever their key order (jsonb sorts keys)', () => {
    const stored = { ...saved, duty: [JSON.parse('{"end": "18:00", "days": [1, 2, 3, 4, 5], "start": "08:00"}'), { days: [1, 2, 3, 4, 5, 6, 7], end: '06:00', start: '22:00' }] }
    const draft = { ...base, geometry: null, duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, { days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' }] }
    expect(patchUnitRequest({ ...draft, staff: '5' }, stored)).toEqual({ version: 7, staff: 5 })
    expect(patchUnitRequest({ ...draft, duty: draft.duty.slice(0, 1) }, stored)).toEqual({ version: 7, duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }] })
  })

  it('duty windows, type and a moved point', () => {
    const moved = { type: 'Point' as const, coordinates: [106.49, 29.48] }
    const patch = patchUnitRequest({ ...base, type: 'patrol_team', duty: [], geometry: moved }, saved)
    expect(patch).toEqual({ version: 7, type: 'patrol_team', duty: [], geometry: moved })
    expect(patchBody.safeParse(patch).success).toBe(true)
  })
})
