import { describe, expect, it } from 'vitest'
import { parseLayers, serializeLayers } from '../../web/src/logic/map-layer-toggles.ts'
import { draftBody, emptyDraft, listingBadge, shanghaiDateTime } from '../../web/src/logic/supervision-form.ts'
import { supervisionLayers } from '../../web/src/map/layers/supervision-layers.ts'
import { hatchImage } from '../../web/src/map/layers/supervision-source.ts'

describe('the supervision create form', () => {
  const filled = { ...emptyDraft('220802009000'), reason: ' 诉求量居前 ', unit: '洮北区信访局', deadline: '2027-03-31', threshold: '2.5', monthsRequired: '3' }

  it('sends trimmed text and parsed numbers', () => {
    expect(draftBody(filled)).toEqual({ ok: true, body: { region: '220802009000', reason: '诉求量居前', unit: '洮北区信访局', plan: '', deadline: '2027-03-31', indicator: 'all', thresholdKind: 'count', threshold: 2.5, monthsRequired: 3 } })
    expect(draftBody({ ...filled, threshold: '0' })).toMatchObject({ ok: true, body: { threshold: 0 } })
  })

  it('names every field that is missing or wrong', () => {
    expect(draftBody(emptyDraft())).toEqual({ ok: false, problems: ['region', 'reason', 'unit', 'deadline', 'threshold'] })
    expect(draftBody({ ...filled, threshold: '-1', monthsRequired: '0', deadline: '2027/03/31' })).toEqual({ ok: false, problems: ['deadline', 'threshold', 'monthsRequired'] })
    expect(draftBody({ ...filled, threshold: 'abc', monthsRequired: '2.5' })).toEqual({ ok: false, problems: ['threshold', 'monthsRequired'] })
    expect(draftBody({ ...filled, region: '2208' })).toEqual({ ok: false, problems: ['region'] })
  })
})

describe('badges and the map layer', () => {
  it('closed wins; an overdue open listing is a summons', () => {
    expect(listingBadge({ status: 'closed', overdue: false, summons: false })).toBe('closed')
    expect(listingBadge({ status: 'listed', overdue: true, summons: true })).toBe('summons')
    expect(listingBadge({ status: 'listed', overdue: false, summons: false })).toBe('listed')
  })

  it('the `supervision` token round-trips in layers= and is absent when off', () => {
    const on = parseLayers('choropleth,supervision')
    expect(on.supervision).toBe(true)
    expect(serializeLayers(on)).toBe('choropleth,supervision')
    expect(parseLayers('choropleth').supervision).toBeUndefined()
    expect(serializeLayers(parseLayers('choropleth'))).toBeUndefined()
  })

  it('draws only open listings, hatches only overdue ones, hides all when off', () => {
    const layers = supervisionLayers(true)
    expect(layers.map(l => l.id)).toEqual(['supervision-fill', 'supervision-hatch', 'supervision-outline'])
    expect(JSON.stringify(layers.find(l => l.id === 'supervision-hatch')!.filter)).toContain('summons')
    expect(supervisionLayers(false).every(l => l.layout?.visibility === 'none')).toBe(true)
    const img = hatchImage(16)
    expect(img.data.length).toBe(16 * 16 * 4)
    const opaque = Array.from({ length: 256 }, (_, i) => img.data[i * 4 + 3]!).filter(a => a > 0).length
    expect(opaque).toBe(16 * 3)
  })
})

describe('dates', () => {
  it('shows instants in Asia/Shanghai', () => {
    expect(shanghaiDateTime('2026-12-05T16:15:00.000Z')).toBe('2026-12-06 00:15')
    expect(shanghaiDateTime('not a date')).toBe('not a date')
  })
})
