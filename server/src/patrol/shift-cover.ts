import type { DutyWindow } from '../analysis/duty-windows.ts'
import type { PatrolWindow } from '../analysis/patrol-windows.ts'
import { weeklyIntervals } from '../analysis/duty-windows.ts'

const WEEK = 7 * 1440

export interface WindowCover {
  /** 'full' when the shifts cover every hour of the window, 'none' when they cover none of it. */
  covered: 'full' | 'partial' | 'none'
  /** Window hours wholly inside a shift, over the window hours: on each of the 7 days for an overall window. */
  coveredHours: number
  totalHours: number
}

/** Which minutes of the week (Monday 00:00 Asia/Shanghai = 0) the shifts cover. */
export function shiftMinutes(shifts: ReadonlyArray<DutyWindow>): Uint8Array {
  const on = new Uint8Array(WEEK)
  for (const s of shifts) {
    for (const [from, to] of weeklyIntervals(s))
      on.fill(1, from, to)
  }
  return on
}

/**
 * Whether the shifts cover a recommended patrol window. An hour counts as covered only when a
 * shift holds all of its 60 minutes. A window recommended over all days together (no `day`) is
 * checked on each of the seven days; one that runs past midnight continues into the next day
 * (Sunday's into Monday), as the recommendation itself does.
 */
export function windowCover(on: Uint8Array, w: Pick<PatrolWindow, 'day' | 'startHour' | 'hours'>): WindowCover {
  const days = w.day === undefined ? [1, 2, 3, 4, 5, 6, 7] : [w.day]
  let coveredHours = 0
  for (const day of days) {
    for (let k = 0; k < w.hours; k++) {
      const from = ((day - 1) * 1440 + (w.startHour + k) * 60) % WEEK
      let all = true
      for (let m = from; m < from + 60 && all; m++)
        all = on[m] === 1
      if (all)
        coveredHours++
    }
  }
  const totalHours = days.length * w.hours
  return { covered: coveredHours === totalHours ? 'full' : coveredHours === 0 ? 'none' : 'partial', coveredHours, totalHours }
}
