/** One HTTP exchange as a fault test sees it: status 0 means no answer (refused, reset, timed out). */
export interface Probe {
  path: string
  startedAt: number
  ms: number
  status: number
  code: string | undefined
  retryAfter: string | null
}

/** GETs a path with a hard deadline and records status, error code, Retry-After and latency. */
export async function probe(baseUrl: string, path: string, headers: Record<string, string>, deadlineMs = 10_000): Promise<Probe> {
  const startedAt = Date.now()
  try {
    const res = await fetch(baseUrl + path, { headers, signal: AbortSignal.timeout(deadlineMs) })
    const text = await res.text()
    let code: string | undefined
    if (res.status >= 400) {
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code
      }
      catch {
        code = '(not json)'
      }
    }
    return { path, startedAt, ms: Date.now() - startedAt, status: res.status, code, retryAfter: res.headers.get('retry-after') }
  }
  catch (err) {
    return { path, startedAt, ms: Date.now() - startedAt, status: 0, code: (err as Error).name, retryAfter: null }
  }
}

/** Counts of each status, for readable assertion messages. */
export function tally(probes: Probe[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const p of probes) {
    const key = p.code ? `${p.status} ${p.code}` : String(p.status)
    out[key] = (out[key] ?? 0) + 1
  }
  return out
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
}
