// The narrative check of issue 7 ("every number in the narrative equals the number in its
// table"), written without the server's formatter: the rules are the contract's, applied here anew.

export interface Col { key: string, zh: string, en: string, kind: string, signed?: boolean }
export interface Row { key: string, label: { zh: string, en: string }, depth: number, cells: Record<string, number | string | null>, format?: { kind: string, signed?: boolean } }
export interface Table { id: string, title: { zh: string, en: string }, columns: Col[], rows: Row[], notes: Array<{ zh: string, en: string }> }
export interface Ref { text: string, table: string, row: string, column: string }
export interface Section { key: string, heading: string, paragraphs: Array<{ text: string, refs: Ref[] }> }

/** Integers, decimals, percents, signed: every number a paragraph can hold. */
export const NUMBER = /[+-]?\d+(?:\.\d+)?%?/g

const digits: Record<string, number> = { count: 0, rate: 2, pct: 1, z: 2 }

export function formatIndependently(v: number, kind: string, signed = false): string {
  const d = digits[kind]
  if (d === undefined)
    throw new Error(`no number format for kind ${kind}`)
  const text = Math.abs(v).toFixed(d)
  const sign = v < 0 && Number(text) !== 0 ? '-' : signed && v > 0 ? '+' : ''
  return `${sign}${text}${kind === 'pct' ? '%' : ''}`
}

/** Names (indicator, region, column labels) are words even when they hold digits ("12345…", "110…", "Level-3"). */
export function stripNames(text: string, tables: Table[]): string {
  const names = new Set<string>()
  for (const t of tables) {
    for (const r of t.rows) {
      names.add(r.label.zh)
      names.add(r.label.en)
    }
    for (const c of t.columns) {
      names.add(c.zh)
      names.add(c.en)
    }
  }
  let out = text
  for (const n of [...names].filter(n => /\d/.test(n)).sort((a, b) => b.length - a.length))
    out = out.replaceAll(n, ' ')
  return out
}

/**
 * Checks one paragraph: the numbers in its text, in order, are exactly its refs' texts, and each
 * ref's cell formats to those characters. Returns the problems found (empty when it holds).
 */
export function checkParagraph(p: { text: string, refs: Ref[] }, tables: Table[]): string[] {
  const problems: string[] = []
  const found = stripNames(p.text, tables).match(NUMBER) ?? []
  const refTexts = p.refs.map(r => r.text)
  if (JSON.stringify(found) !== JSON.stringify(refTexts))
    problems.push(`numbers ${JSON.stringify(found)} ≠ refs ${JSON.stringify(refTexts)} in «${p.text}»`)
  for (const ref of p.refs) {
    if (!p.text.includes(ref.text))
      problems.push(`ref ${ref.text} is not in the text`)
    const table = tables.find(t => t.id === ref.table)
    const row = table?.rows.find(r => r.key === ref.row)
    const col = table?.columns.find(c => c.key === ref.column)
    const v = row?.cells[ref.column]
    if (!row || !col || typeof v !== 'number') {
      problems.push(`ref ${JSON.stringify(ref)} points at no number`)
      continue
    }
    const fmt = row.format ?? col
    const written = formatIndependently(v, fmt.kind, fmt.signed)
    if (written !== ref.text)
      problems.push(`${ref.table}/${ref.row}/${ref.column} = ${v} formats as ${written}, the text says ${ref.text}`)
  }
  return problems
}
