import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import en from '../../web/src/i18n/hotspots-en.ts'
import zh from '../../web/src/i18n/hotspots-zh-CN.ts'
import { EMERGING_CLASSES, EMERGING_PATTERNS, emergingClassOf, emergingFillColor, emergingLegendRows } from '../../web/src/logic/emerging-categories.ts'

function colorOf(category: unknown): string {
  const parsed = createPropertyExpression(emergingFillColor(), 'layers.emerging-fill.paint.fill-color', latest.paint_fill['fill-color'] as never)
  if (parsed.result !== 'success')
    throw new Error(JSON.stringify(parsed.value))
  const c = parsed.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: { category } } as never) as { r: number, g: number, b: number }
  return `#${[c.r, c.g, c.b].map(x => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`
}

/** The labels the server emits (server/src/analysis/emerging-hotspots.ts summary keys). */
const SERVER_LABELS = ['none', ...['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'].flatMap(c => [`${c}-hot`, `${c}-cold`])]

describe('emerging hot spot category table', () => {
  it('has one class per server label: eight patterns, hot and cold, and none', () => {
    expect(EMERGING_CLASSES.map(c => c.label).sort()).toEqual([...SERVER_LABELS].sort())
    expect(EMERGING_PATTERNS).toHaveLength(8)
  })
  it('gives every pattern and side its own colour', () => {
    const colors = EMERGING_CLASSES.map(c => c.color)
    expect(new Set(colors).size).toBe(colors.length)
  })
  it('paints each label with its class colour and unknown labels as none', () => {
    for (const c of EMERGING_CLASSES)
      expect(colorOf(c.label), c.label).toBe(c.color)
    expect(colorOf('rising-hot')).toBe(emergingClassOf('none').color)
    expect(colorOf(undefined)).toBe(emergingClassOf('none').color)
  })
  it('has a name and a one-line definition in both languages for every pattern', () => {
    for (const pattern of [...EMERGING_PATTERNS, 'none'] as const) {
      for (const messages of [zh, en]) {
        expect(messages.emerging.patterns[pattern]).toBeTruthy()
        expect(messages.emerging.definitions[pattern]).toBeTruthy()
        expect(messages.emerging.definitions[pattern]).not.toContain('\n')
      }
    }
  })
})

describe('emergingLegendRows', () => {
  const summary = { 'none': 169, 'new-hot': 4, 'persistent-hot': 14, 'sporadic-cold': 11, 'historical-cold': 0 }
  it('lists the categories present with their counts, hot before cold, none last', () => {
    expect(emergingLegendRows(summary).map(r => [r.label, r.count])).toEqual([
      ['new-hot', 4],
      ['persistent-hot', 14],
      ['sporadic-cold', 11],
      ['none', 169],
    ])
  })
  it('lists all seventeen with zeros when asked', () => {
    const rows = emergingLegendRows(summary, true)
    expect(rows).toHaveLength(17)
    expect(rows.find(r => r.label === 'historical-cold')!.count).toBe(0)
  })
  it('still shows none when there is no summary yet', () => {
    expect(emergingLegendRows(undefined).map(r => [r.label, r.count])).toEqual([['none', 0]])
  })
})
