// The resolution rate of a D (dispute-resolution) class, from the catalog's own sub-classes:
// cases closed (on time, where the catalog says so) ÷ cases received, in the same month. Both are
// monthly counts delivered per region; a month with no case received has no rate (null), and a
// rate can pass 100% when cases received earlier close this month.
export interface ResolutionFormula {
  closed: string[]
  received: string[]
  note: { zh: string, en: string }
}

function range(cls: string, from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, i) => `${cls}-${String(from + i).padStart(2, '0')}`)
}

export const resolutionFormulas: Record<string, ResolutionFormula> = {
  D1: { closed: ['D1-12'], received: range('D1', 1, 9), note: { zh: '按期办结(D1-12) ÷ 受理(D1-01…D1-09)', en: 'closed on time (D1-12) ÷ received (D1-01…D1-09)' } },
  D2: { closed: ['D2-11'], received: range('D2', 1, 9), note: { zh: '民事案件结案(D2-11) ÷ 收案(D2-01…D2-09)', en: 'civil cases closed (D2-11) ÷ filed (D2-01…D2-09)' } },
  D3: { closed: ['D3-07'], received: range('D3', 1, 5), note: { zh: '复议案件审结(D3-07) ÷ 复议申请(D3-01…D3-05)', en: 'reconsiderations concluded (D3-07) ÷ applications (D3-01…D3-05)' } },
}

export const resolutionClasses = Object.keys(resolutionFormulas)

/** closed ÷ received × 100, or null when nothing was received. */
export function resolutionRate(closed: number, received: number): number | null {
  return received > 0 ? (closed / received) * 100 : null
}
