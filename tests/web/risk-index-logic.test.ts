import { describe, expect, it } from 'vitest'
import { gradeBands, gradeOf, riskIndexFillExpression } from '../../web/src/logic/risk-index-grades.ts'
import { parseViewQuery, serializeViewQuery } from '../../web/src/logic/url-state.ts'

describe('risk index in the URL', () => {
  it('indicator=risk_index round-trips, and the rest of the view follows all', () => {
    const view = parseViewQuery({ level: 'district', parent: '220800', indicator: 'risk_index', period: '2026-01' })
    expect(view).toMatchObject({ indicator: 'all', theme: 'risk_index' })
    expect(serializeViewQuery(view).indicator).toBe('risk_index')
  })

  it('a catalog indicator has no theme', () => {
    const view = parseViewQuery({ level: 'district', parent: '220800', indicator: 'A1' })
    expect(view.theme).toBeUndefined()
    expect(serializeViewQuery(view).indicator).toBe('A1')
  })
})

describe('risk index grades', () => {
  it('lower bounds are inclusive, as on the server', () => {
    expect([0, 24.99, 25, 49.9, 50, 74.9, 75, 100].map(v => gradeOf(v))).toEqual(['blue', 'blue', 'yellow', 'yellow', 'orange', 'orange', 'red', 'red'])
    expect(gradeOf(30, [20, 40, 60])).toBe('yellow')
  })

  it('the paint steps at the thresholds and gives no-data colour without an index', () => {
    const expr = JSON.stringify(riskIndexFillExpression([20, 40, 60]))
    expect(expr).toContain('"#2f7fd1",20,"#f2d024",40,"#f28c1b",60,"#e0302b"')
    expect(expr).toContain('"typeof"')
    expect(gradeBands([20, 40, 60]).map(b => [b.grade, b.from, b.to])).toEqual([['red', 60, 100], ['orange', 40, 60], ['yellow', 20, 40], ['blue', 0, 20]])
  })
})
