import { changeTest, evidenceWindows, monthlySeries, poissonZ } from '@riskmap/server/listed/evidence-stats.ts'
import { neutralise, toCsv } from '@riskmap/server/listed/export.ts'
import { isOverdue, listedStatuses, planTransition, shanghaiToday, transitions } from '@riskmap/server/listed/lifecycle.ts'
import { describe, expect, it } from 'vitest'

const deadline = '2026-06-30'

describe('the lifecycle state machine', () => {
  const legal: Array<[string, string]> = [
    ['listed', 'rectifying'],
    ['listed', 'extended'],
    ['rectifying', 'awaiting_acceptance'],
    ['rectifying', 'extended'],
    ['awaiting_acceptance', 'delisted'],
    ['awaiting_acceptance', 'rectifying'],
    ['awaiting_acceptance', 'extended'],
    ['extended', 'rectifying'],
    ['extended', 'awaiting_acceptance'],
  ]

  it('allows exactly the documented moves, and refuses every other pair with the allowed ones named', () => {
    for (const from of listedStatuses) {
      for (const to of listedStatuses) {
        const plan = planTransition({ status: from, deadline }, { to, newDeadline: to === 'extended' ? '2026-07-31' : undefined })
        const isLegal = legal.some(([f, t]) => f === from && t === to)
        expect(plan.ok, `${from} → ${to}`).toBe(isLegal)
        if (!plan.ok) {
          expect(plan.status).toBe(409)
          expect(plan.code).toBe('invalid_transition')
          expect(plan.allowed).toEqual(transitions[from])
          expect(plan.message).toContain(transitions[from].length ? transitions[from].join(', ') : 'none')
        }
      }
    }
  })

  it('delisted is terminal and only delisting asks for evidence', () => {
    expect(transitions.delisted).toEqual([])
    const d = planTransition({ status: 'awaiting_acceptance', deadline }, { to: 'delisted' })
    expect(d).toMatchObject({ ok: true, needsEvidence: true, deadline })
    expect(planTransition({ status: 'listed', deadline }, { to: 'rectifying' })).toMatchObject({ ok: true, needsEvidence: false })
  })

  it('extending needs a new deadline strictly after the current one; no other move may carry one', () => {
    expect(planTransition({ status: 'listed', deadline }, { to: 'extended' })).toMatchObject({ ok: false, status: 400 })
    expect(planTransition({ status: 'listed', deadline }, { to: 'extended', newDeadline: deadline })).toMatchObject({ ok: false, status: 400 })
    expect(planTransition({ status: 'listed', deadline }, { to: 'extended', newDeadline: '2026-06-29' })).toMatchObject({ ok: false, status: 400 })
    expect(planTransition({ status: 'rectifying', deadline }, { to: 'extended', newDeadline: '2026-07-01' })).toEqual({ ok: true, to: 'extended', deadline: '2026-07-01', needsEvidence: false })
    expect(planTransition({ status: 'listed', deadline }, { to: 'rectifying', newDeadline: '2026-07-01' })).toMatchObject({ ok: false, status: 400 })
  })

  it('overdue: deadline before today in Asia/Shanghai, never once delisted', () => {
    expect(isOverdue({ status: 'rectifying', deadline: '2026-01-14' }, '2026-01-15')).toBe(true)
    expect(isOverdue({ status: 'rectifying', deadline: '2026-01-15' }, '2026-01-15')).toBe(false)
    expect(isOverdue({ status: 'delisted', deadline: '2020-01-01' }, '2026-01-15')).toBe(false)
    // 2026-01-14T16:00Z is midnight of the 15th in Shanghai.
    expect(shanghaiToday(Date.parse('2026-01-14T15:59:59Z'))).toBe('2026-01-14')
    expect(shanghaiToday(Date.parse('2026-01-14T16:00:00Z'))).toBe('2026-01-15')
  })
})

describe('evidence windows and the Poisson test', () => {
  it('compares equal-length windows on either side of the listing month, which is left out', () => {
    const w = evidenceWindows('2025-06', 3, '2025-12')
    expect(w).toMatchObject({ monthsCompared: 3, before: { from: '2025-03', to: '2025-05' }, after: { from: '2025-07', to: '2025-09' }, series: { from: '2025-03', to: '2025-09' } })
  })

  it('shortens both windows to the complete months after listing', () => {
    const w = evidenceWindows('2025-11', 6, '2026-01')
    expect(w).toMatchObject({ monthsCompared: 2, before: { from: '2025-09', to: '2025-10' }, after: { from: '2025-12', to: '2026-01' }, series: { from: '2025-05', to: '2026-01' } })
    const none = evidenceWindows('2026-01', 6, '2026-01')
    expect(none.monthsCompared).toBe(0)
    expect(changeTest(new Map(), none)).toBeNull()
  })

  it('z = 2(√after − √before) on the summed counts, with the notice and warning levels of METHODS.md', () => {
    expect(poissonZ(25, 9)).toBe(-4)
    expect(poissonZ(4, 4)).toBe(0)
    const w = evidenceWindows('2025-06', 2, '2025-12')
    const counts = new Map([['2025-04', 10], ['2025-05', 15], ['2025-06', 99], ['2025-07', 4], ['2025-08', 5]])
    const t = changeTest(counts, w)!
    expect(t.before).toEqual({ from: '2025-04', to: '2025-05', months: 2, total: 25, mean: 12.5 })
    expect(t.after).toEqual({ from: '2025-07', to: '2025-08', months: 2, total: 9, mean: 4.5 })
    expect(t).toMatchObject({ z: -4, level: 'warning', direction: 'down' })
    expect(changeTest(new Map([['2025-04', 4], ['2025-07', 9]]), w)).toMatchObject({ z: 2, level: 'notice', direction: 'up' })
    expect(changeTest(new Map([['2025-04', 4], ['2025-07', 6]]), w)).toMatchObject({ level: 'none', direction: 'none' })
    expect(monthlySeries(counts, w).map(s => s.count)).toEqual([10, 15, 99, 4, 5])
  })
})

describe('export cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=x', '\r=x'])
      expect(neutralise(s)).toBe(`'${s}`)
    for (const s of ['正常', 'a=b', '1-2', ''])
      expect(neutralise(s)).toBe(s)
  })

  it('writes a UTF-8 BOM, CRLF rows and quotes what needs quoting', () => {
    const csv = toCsv([[1, 'a,b', 'say "hi"', 'line\nbreak', ' pad']])
    expect(csv.startsWith('\uFEFF编号 ID,')).toBe(true)
    expect(csv.endsWith('\r\n1,"a,b","say ""hi""","line\nbreak"," pad"\r\n')).toBe(true)
  })
})
