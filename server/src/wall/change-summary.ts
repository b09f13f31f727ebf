import type { Polarity } from '../catalog/indicator-catalog.ts'
import { MIN_TOTAL, testChange } from '../analysis/change-significance.ts'

/** The change the wall shows: the contract's `{ previous, change, changePct, z, flag }`. */
export interface ChangeSummary {
  previous: number | null
  change: number | null
  changePct: number | null
  z: number | null
  flag: 'none' | 'notice' | 'warning'
}

/**
 * testChange (METHODS.md's Poisson z = 2(√C − √P), flags at |z| ≥ 2 and ≥ 3) with MIN_TOTAL, so
 * that splits too small for any exact test raise no flag on a wall watched from across the room.
 * A baseline without data (null) gives no change at all (null).
 */
export function countChange(current: number, previous: number | null, polarity?: Polarity): ChangeSummary | null {
  if (previous === null)
    return null
  const t = testChange(current, previous, { minTotal: MIN_TOTAL, ...(polarity ? { polarity } : {}) })
  return { previous: t.previous, change: t.change, changePct: t.changePct, z: t.z, flag: t.flag }
}

/** A rate's change in percentage points; rates are not tested (tests run on counts), so no z or flag. */
export function rateChange(current: number | null, previous: number | null): ChangeSummary | null {
  if (current === null || previous === null)
    return null
  return { previous, change: current - previous, changePct: previous === 0 ? null : ((current - previous) / previous) * 100, z: null, flag: 'none' }
}
