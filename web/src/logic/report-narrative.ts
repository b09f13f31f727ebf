import type { ReportSection } from '../api/reports-api.ts'

export type NarrativeRef = ReportSection['paragraphs'][number]['refs'][number]
export interface NarrativeSpan { text: string, ref: NarrativeRef | null }

/**
 * A paragraph cut into plain text and the numbers it cites. Each ref takes the first occurrence of
 * its characters that no earlier ref took, so the same digits cited twice point at their own
 * cells whatever order the refs come in. A ref that cannot be found leaves the text as it is.
 */
export function narrativeSpans(text: string, refs: readonly NarrativeRef[]): NarrativeSpan[] {
  const taken: Array<{ start: number, end: number, ref: NarrativeRef }> = []
  const overlaps = (start: number, end: number) => taken.some(t => start < t.end && t.start < end)
  // '12' must not be found inside '120' or '3.12'.
  const cut = (start: number, end: number) => !/[\d.,]/.test(text[start - 1] ?? '') && !/\d/.test(text[end] ?? '') && !/[.,]\d/.test(text.slice(end, end + 2))
  for (const ref of refs) {
    if (!ref.text)
      continue
    let i = text.indexOf(ref.text)
    while (i >= 0 && (overlaps(i, i + ref.text.length) || !cut(i, i + ref.text.length)))
      i = text.indexOf(ref.text, i + 1)
    if (i >= 0)
      taken.push({ start: i, end: i + ref.text.length, ref })
  }
  taken.sort((a, b) => a.start - b.start)
  const spans: NarrativeSpan[] = []
  let at = 0
  for (const t of taken) {
    if (t.start > at)
      spans.push({ text: text.slice(at, t.start), ref: null })
    spans.push({ text: text.slice(t.start, t.end), ref: t.ref })
    at = t.end
  }
  if (at < text.length)
    spans.push({ text: text.slice(at), ref: null })
  return spans
}

/** Where a cited number comes from, for its tooltip: 'table › row › column'. */
export const refSource = (ref: NarrativeRef) => `${ref.table} › ${ref.row} › ${ref.column}`
