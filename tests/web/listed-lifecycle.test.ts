import { describe, expect, it } from 'vitest'
import { actionLabelKey, isListedStatus, lifecycleActions, LISTED_STATUSES, NEXT_STATUSES, wantsEvidence } from '../../web/src/logic/listed-lifecycle.ts'

const can = { canEdit: true, evidenceLoaded: false }

describe('lifecycle buttons', () => {
  it('offers only the next states of the documented table, usual path first', () => {
    expect(lifecycleActions('listed', can).map(a => a.to)).toEqual(['rectifying', 'extended'])
    expect(lifecycleActions('rectifying', can).map(a => a.to)).toEqual(['awaiting_acceptance', 'extended'])
    expect(lifecycleActions('awaiting_acceptance', can).map(a => a.to)).toEqual(['delisted', 'rectifying', 'extended'])
    expect(lifecycleActions('extended', can).map(a => a.to)).toEqual(['rectifying', 'awaiting_acceptance'])
    expect(lifecycleActions('delisted', can)).toEqual([])
  })

  it('never offers a move to the same state, and 销号 is reachable only from awaiting acceptance', () => {
    for (const s of LISTED_STATUSES) {
      expect(NEXT_STATUSES[s]).not.toContain(s)
      expect(NEXT_STATUSES[s].includes('delisted')).toBe(s === 'awaiting_acceptance')
    }
  })

  it('shows nothing to a role that may not edit (analyst, display)', () => {
    for (const s of LISTED_STATUSES)
      expect(lifecycleActions(s, { canEdit: false, evidenceLoaded: true })).toEqual([])
  })

  it('keeps 销号 disabled until the evidence is loaded', () => {
    const before = lifecycleActions('awaiting_acceptance', can).find(a => a.to === 'delisted')!
    expect(before).toEqual({ to: 'delisted', needsDeadline: false, needsEvidence: true, disabled: true })
    const after = lifecycleActions('awaiting_acceptance', { ...can, evidenceLoaded: true }).find(a => a.to === 'delisted')!
    expect(after.disabled).toBe(false)
    expect(lifecycleActions('awaiting_acceptance', can).filter(a => a.disabled).map(a => a.to)).toEqual(['delisted'])
  })

  it('asks for a new deadline only when extending', () => {
    expect(lifecycleActions('rectifying', can).map(a => [a.to, a.needsDeadline])).toEqual([['awaiting_acceptance', false], ['extended', true]])
  })

  it('follows the server\'s allowed list when the reply carries one', () => {
    expect(lifecycleActions('awaiting_acceptance', { ...can, allowed: ['rectifying'] }).map(a => a.to)).toEqual(['rectifying'])
    expect(lifecycleActions('listed', { ...can, allowed: [] })).toEqual([])
  })

  it('labels going back from acceptance as a rejection', () => {
    expect(actionLabelKey('awaiting_acceptance', 'rectifying')).toBe('reject')
    expect(actionLabelKey('listed', 'rectifying')).toBe('rectifying')
    expect(actionLabelKey('extended', 'awaiting_acceptance')).toBe('awaiting_acceptance')
  })

  it('fetches evidence only one step from 销号', () => {
    expect(LISTED_STATUSES.filter(wantsEvidence)).toEqual(['awaiting_acceptance'])
  })

  it('recognises statuses and nothing else', () => {
    expect(isListedStatus('extended')).toBe(true)
    expect(isListedStatus('closed')).toBe(false)
    expect(isListedStatus(undefined)).toBe(false)
  })
})

describe('the client table and the server state machine', () => {
  it('are the same table', async () => {
    const { transitions, listedStatuses } = await import('../../server/src/listed/lifecycle.ts')
    expect([...LISTED_STATUSES]).toEqual([...listedStatuses])
    for (const s of LISTED_STATUSES)
      expect([...NEXT_STATUSES[s]].sort()).toEqual([...transitions[s]].sort())
  })
})
