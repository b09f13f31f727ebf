import type { DutyWindowInput } from '../analysis/duty-windows.ts'
import { z } from 'zod'
import { overlaps, parseDutyWindows } from '../analysis/duty-windows.ts'
import { formatWindow } from '../response/duty.ts'

/**
 * A zone's shifts: the duty windows of analysis/duty-windows.ts (`{ days?, start, end }` in
 * Asia/Shanghai local time, end exclusive, an end at or before the start running past midnight).
 * Unlike a response unit's on-duty hours, an empty list means no shift is scheduled.
 */
export type Shift = DutyWindowInput

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** The message for shifts that are malformed or overlap (naming both shifts), or null. */
export function shiftsProblem(shifts: Shift[]): string | null {
  const parsed = parseDutyWindows(shifts)
  if (!parsed.ok)
    return parsed.message.replace(/\bwindow (\d+)/g, 'shift $1')
  const pairs = overlaps(parsed.windows)
  if (!pairs.length)
    return null
  const show = (i: number) => `shift ${i + 1} (${formatWindow(shifts[i]!)})`
  return pairs.map(o => `${show(o.first)} and ${show(o.second)} overlap, first on ${DAY_NAMES[o.day - 1]} at ${o.at}`).join('; ')
}

export const shifts = z.array(z.object({
  days: z.array(z.number()).max(7).optional(),
  start: z.string().max(5),
  end: z.string().max(5),
}).strict()).max(50, 'at most 50 shifts').superRefine((windows, ctx) => {
  const problem = shiftsProblem(windows)
  if (problem)
    ctx.addIssue({ code: 'custom', message: problem })
})
