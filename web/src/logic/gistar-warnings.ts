/** A server warning as an i18n key under `hotspots.warnings` with its numbers, or the raw text. */
export interface LocalWarning {
  key: string | null
  params: Record<string, string | number>
  /** The server's own (English) text, shown when no key matches. */
  text: string
  /** Fewer than 30 cells: the warning the issue asks to show prominently. */
  severe: boolean
}

const PATTERNS: { re: RegExp, key: string, severe?: boolean, params?: (m: RegExpExecArray) => Record<string, number> }[] = [
  { re: /^fewer than 30 cells/, key: 'fewCells', severe: true },
  { re: /^all cells have the same value/, key: 'sameValue', severe: true },
  { re: /^(\d+) cells have every cell within the distance band/, key: 'coversAll', params: m => ({ n: Number(m[1]) }) },
  { re: /^(\d+) cells have no neighbour within the distance band/, key: 'isolated', params: m => ({ n: Number(m[1]) }) },
  { re: /^fewer than 10 time steps/, key: 'fewSteps', severe: true },
]

/**
 * Map the server's warnings (gistar.ts, emerging-hotspots.ts) to translatable ones. Emerging
 * runs prefix per-month Gi* warnings with "Gi*: "; they keep the prefix as `perMonth`.
 * Unknown warnings fall through with their text, so nothing the server says is dropped.
 */
export function localWarnings(warnings: readonly string[] | undefined): LocalWarning[] {
  return (warnings ?? []).map((text) => {
    const perMonth = text.startsWith('Gi*: ')
    const body = perMonth ? text.slice(5) : text
    for (const p of PATTERNS) {
      const m = p.re.exec(body)
      if (m)
        return { key: p.key, params: { ...p.params?.(m), perMonth: perMonth ? 1 : 0 }, text, severe: p.severe ?? false }
    }
    return { key: null, params: {}, text, severe: false }
  }).sort((a, b) => Number(b.severe) - Number(a.severe))
}
