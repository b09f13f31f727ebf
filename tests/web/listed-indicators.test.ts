import type { IndicatorNode } from '../../web/src/api/client.ts'
import { describe, expect, it } from 'vitest'
import { changeKey, formatZ, hotCellCount } from '../../web/src/logic/listed-evidence.ts'
import { filterOptions, subclassOptions } from '../../web/src/logic/listed-indicators.ts'

function node(code: string, kind: IndicatorNode['kind'], zh: string, en: string, children?: IndicatorNode[], retired = false) {
  return ({ code, kind, name: { zh, en }, stage: 'source', ...(children ? { children } : {}), ...(retired ? { retired: true } : {}) }) as unknown as IndicatorNode
}

const tree = [
  node('A', 'category', '治安', 'Public order', [
    node('A2', 'class', '警情', 'Calls', [
      node('A2-01', 'subclass', '涉水警情', 'Water-related calls'),
      node('A2-03', 'subclass', '噪声扰民', 'Noise'),
      node('A2-09', 'subclass', '旧代码', 'Old code', undefined, true),
    ]),
  ]),
  node('C', 'category', '诈骗', 'Fraud', [node('C2', 'class', '电诈', 'Telecom', [node('C2-05', 'subclass', '电信网络诈骗', 'Telecom and online fraud')])]),
]

describe('problem types from the catalogue', () => {
  it('lists every sub-class in tree order with its class', () => {
    expect(subclassOptions(tree).map(o => [o.code, o.parent, o.retired])).toEqual([
      ['A2-01', 'A2', false],
      ['A2-03', 'A2', false],
      ['A2-09', 'A2', true],
      ['C2-05', 'C2', false],
    ])
  })

  it('filters by code or either name, and offers retired codes only when already chosen', () => {
    const options = subclassOptions(tree)
    expect(filterOptions(options, '').map(o => o.code)).toEqual(['A2-01', 'A2-03', 'C2-05'])
    expect(filterOptions(options, '', ['A2-09']).map(o => o.code)).toEqual(['A2-01', 'A2-03', 'A2-09', 'C2-05'])
    expect(filterOptions(options, 'a2-0').map(o => o.code)).toEqual(['A2-01', 'A2-03'])
    expect(filterOptions(options, '诈骗').map(o => o.code)).toEqual(['C2-05'])
    expect(filterOptions(options, 'NOISE').map(o => o.code)).toEqual(['A2-03'])
    expect(filterOptions(options, '\'; DROP').map(o => o.code)).toEqual([])
  })
})

describe('closure evidence wording', () => {
  it('states the change test as the server classified it', () => {
    expect(changeKey(null)).toBeNull()
    expect(changeKey({ z: -3.4, level: 'warning', direction: 'down' })).toBe('significantDrop')
    expect(changeKey({ z: 2.1, level: 'notice', direction: 'up' })).toBe('significantRise')
    expect(changeKey({ z: 1.2, level: 'none', direction: 'none' })).toBe('noSignificantChange')
  })

  it('counts cells at 95 % or more as still hot', () => {
    expect(hotCellCount([{ bin: 3 }, { bin: 2 }, { bin: 1 }, { bin: 0 }, { bin: -3 }])).toBe(2)
  })

  it('prints z with a real minus sign', () => {
    expect(formatZ(-3.456)).toBe('−3.46')
    expect(formatZ(2)).toBe('+2.00')
    expect(formatZ(0)).toBe('0.00')
  })
})
