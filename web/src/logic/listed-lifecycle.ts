/**
 * The lifecycle of a listed hotspot (挂牌整治) as the UI shows it. The server's state machine is
 * the authority and refuses anything else with 409; this table only decides which buttons to show.
 */
export const LISTED_STATUSES = ['listed', 'rectifying', 'awaiting_acceptance', 'extended', 'delisted'] as const
export type ListedStatus = (typeof LISTED_STATUSES)[number]

/** Next states from each state, in the order the buttons appear (the usual path first). */
export const NEXT_STATUSES: Readonly<Record<ListedStatus, readonly ListedStatus[]>> = {
  listed: ['rectifying', 'extended'],
  rectifying: ['awaiting_acceptance', 'extended'],
  awaiting_acceptance: ['delisted', 'rectifying', 'extended'],
  extended: ['rectifying', 'awaiting_acceptance'],
  delisted: [],
}

/** Map and legend colours per status; overdue items get a red ring on top. */
export const STATUS_COLORS: Readonly<Record<ListedStatus, string>> = {
  listed: '#ffb547',
  rectifying: '#38a1ff',
  awaiting_acceptance: '#b57bff',
  extended: '#ff8c42',
  delisted: '#4cd98a',
}
export const OVERDUE_COLOR = '#ff3b3b'

export function isListedStatus(value: unknown): value is ListedStatus {
  return typeof value === 'string' && (LISTED_STATUSES as readonly string[]).includes(value)
}

export interface LifecycleAction {
  to: ListedStatus
  /** Extending asks for a new deadline later than the current one. */
  needsDeadline: boolean
  /** Delisting (销号) is offered only once the closure evidence has been loaded and shown. */
  needsEvidence: boolean
  /** Offered but not yet possible (delisting before the evidence is in). */
  disabled: boolean
}

/**
 * The buttons for an item: only the states reachable from its current one, and only for a user
 * who may edit. `allowed` is the server's own list when its reply carries one.
 */
export function lifecycleActions(
  status: ListedStatus,
  opts: { canEdit: boolean, evidenceLoaded: boolean, allowed?: readonly string[] | null },
): LifecycleAction[] {
  if (!opts.canEdit)
    return []
  const next = opts.allowed ? NEXT_STATUSES[status].filter(s => opts.allowed!.includes(s)) : NEXT_STATUSES[status]
  return next.map(to => ({
    to,
    needsDeadline: to === 'extended',
    needsEvidence: to === 'delisted',
    disabled: to === 'delisted' && !opts.evidenceLoaded,
  }))
}

/** Whether the closure evidence is worth fetching: the item is at, or one step from, 销号. */
export function wantsEvidence(status: ListedStatus): boolean {
  return NEXT_STATUSES[status].includes('delisted')
}

/** The i18n key under `listed.action` for a move; going back from acceptance is a rejection. */
export function actionLabelKey(from: ListedStatus, to: ListedStatus): string {
  return from === 'awaiting_acceptance' && to === 'rectifying' ? 'reject' : to
}
