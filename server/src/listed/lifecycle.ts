/**
 * The lifecycle of a listed hotspot (挂牌整治), as a pure state machine. docs/listed-hotspots.md
 * has the same table.
 *
 * | from                | to                                               |
 * |---------------------|--------------------------------------------------|
 * | (created)           | listed                                           |
 * | listed              | rectifying, extended                             |
 * | rectifying          | awaiting_acceptance, extended                    |
 * | awaiting_acceptance | delisted (销号), rectifying (rejected), extended |
 * | extended            | rectifying, awaiting_acceptance                  |
 * | delisted            | (none: closed)                                   |
 *
 * `extended` needs a new deadline later than the current one; no other move may carry one.
 */
export const listedStatuses = ['listed', 'rectifying', 'awaiting_acceptance', 'extended', 'delisted'] as const
export type ListedStatus = (typeof listedStatuses)[number]

export const transitions: Readonly<Record<ListedStatus, readonly ListedStatus[]>> = {
  listed: ['rectifying', 'extended'],
  rectifying: ['awaiting_acceptance', 'extended'],
  awaiting_acceptance: ['delisted', 'rectifying', 'extended'],
  extended: ['rectifying', 'awaiting_acceptance'],
  delisted: [],
}

export interface TransitionRequest {
  to: ListedStatus
  newDeadline?: string | undefined
}

export type TransitionPlan
  = | { ok: true, to: ListedStatus, deadline: string, needsEvidence: boolean }
    | { ok: false, status: 400 | 409, code: string, message: string, allowed: readonly ListedStatus[] }

/** Decides one move from the current state; dates are 'YYYY-MM-DD', which compare as text. */
export function planTransition(current: { status: ListedStatus, deadline: string }, req: TransitionRequest): TransitionPlan {
  const allowed = transitions[current.status]
  if (!allowed.includes(req.to)) {
    const next = allowed.length ? allowed.join(', ') : 'none (a delisted hotspot is closed)'
    return { ok: false, status: 409, code: 'invalid_transition', message: `cannot move from ${current.status} to ${req.to}; allowed: ${next}`, allowed }
  }
  if (req.to === 'extended') {
    if (!req.newDeadline)
      return { ok: false, status: 400, code: 'invalid_parameter', message: 'newDeadline: extending needs a new deadline', allowed }
    if (req.newDeadline <= current.deadline)
      return { ok: false, status: 400, code: 'invalid_parameter', message: `newDeadline: must be after the current deadline ${current.deadline}`, allowed }
    return { ok: true, to: req.to, deadline: req.newDeadline, needsEvidence: false }
  }
  if (req.newDeadline)
    return { ok: false, status: 400, code: 'invalid_parameter', message: 'newDeadline: only an extension changes the deadline', allowed }
  return { ok: true, to: req.to, deadline: current.deadline, needsEvidence: req.to === 'delisted' }
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving since 1991), as 'YYYY-MM-DD'. */
export function shanghaiToday(now = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Overdue: the deadline has passed (it is before today in Asia/Shanghai) and it is not delisted. */
export function isOverdue(h: { status: ListedStatus, deadline: string }, today: string): boolean {
  return h.status !== 'delisted' && h.deadline < today
}
