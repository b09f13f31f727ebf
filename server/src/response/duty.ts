import type { DutyWindowInput } from '../analysis/duty-windows.ts'
import { z } from 'zod'
import { overlaps, parseDutyWindows } from '../analysis/duty-windows.ts'

/**
 * On-duty windows as stored and sent: `{ days?, start, end }` in Asia/Shanghai local time, `days`
 * the ISO weekdays (1 = Monday … 7 = Sunday) a window starts on, end exclusive, an end at or
 * before the start running past midnight, '24:00' as an end. The rules and the overlap test are
 * analysis/duty-windows.ts; the on-duty test for events runs in SQL (response_unit_duty_week,
 * migration 0009) with the same rules. An empty list means on duty around the clock.
 */
export type DutyWindow = DutyWindowInput

export const dutyWindows = z.array(z.object({
  days: z.array(z.number()).max(7).optional(),
  start: z.string().max(5),
  end: z.string().max(5),
}).strict()).max(50, 'at most 50 duty windows').superRefine((windows, ctx) => {
  const problem = dutyProblem(windows)
  if (problem)
    ctx.addIssue({ code: 'custom', message: problem })
})

/** The message for windows that are malformed or overlap, or null when they are fine. */
export function dutyProblem(windows: DutyWindow[]): string | null {
  const parsed = parseDutyWindows(windows)
  if (!parsed.ok)
    return parsed.message
  const pairs = overlaps(parsed.windows)
  if (!pairs.length)
    return null
  const show = (i: number) => `window ${i + 1} (${formatWindow(windows[i]!)})`
  return `duty windows overlap: ${pairs.map(o => `${show(o.first)} and ${show(o.second)} from day ${o.day} ${o.at}`).join('; ')}`
}

/** A duty window as text, in the CSV form: `1,2,3 08:00-18:00` or `22:00-06:00`. */
export function formatWindow(w: DutyWindow): string {
  return `${w.days ? `${w.days.join(',')} ` : ''}${w.start}-${w.end}`
}

/**
 * Parses the CSV form: windows separated by `;`, each `[days ]HH:MM-HH:MM`, days as ISO weekday
 * numbers in a list or ranges without spaces (`1-5`, `6,7`, `1-3,5`). Empty text is around the clock.
 */
export function parseDutyText(text: string): { ok: true, windows: DutyWindow[] } | { ok: false, reason: string } {
  const windows: DutyWindow[] = []
  for (const part of text.split(';').map(p => p.trim()).filter(Boolean)) {
    const m = /^(?:([\d,-]+)\s+)?(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(part)
    if (!m)
      return { ok: false, reason: `duty window "${clip(part)}" is not [days ]HH:MM-HH:MM (for example "1-5 08:00-18:00" or "22:00-06:00")` }
    const days = m[1] ? expandDays(m[1]) : undefined
    if (days === null)
      return { ok: false, reason: `duty window "${clip(part)}": days must be weekday numbers 1 (Monday) to 7 (Sunday), such as 1-5 or 6,7` }
    windows.push({ ...(days ? { days } : {}), start: m[2]!.padStart(5, '0'), end: m[3]!.padStart(5, '0') })
  }
  const problem = dutyProblem(windows)
  return problem ? { ok: false, reason: problem } : { ok: true, windows }
}

function expandDays(text: string): number[] | null {
  const days: number[] = []
  for (const item of text.split(',').map(s => s.trim())) {
    const r = /^([1-7])(?:-([1-7]))?$/.exec(item)
    if (!r || (r[2] && Number(r[2]) < Number(r[1])))
      return null
    for (let d = Number(r[1]); d <= Number(r[2] ?? r[1]); d++)
      days.push(d)
  }
  return days
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}
