/** Percentiles of a sample of durations in milliseconds (nearest rank). */
export function percentiles(ms: number[]): { p50: number, p95: number, p99: number, mean: number, n: number } {
  const xs = [...ms].sort((a, b) => a - b)
  const at = (p: number) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: xs.reduce((s, x) => s + x, 0) / xs.length, n: xs.length }
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number, value: T }> {
  const t = performance.now()
  const value = await fn()
  return { ms: performance.now() - t, value }
}

export async function sample(n: number, fn: () => Promise<unknown>, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push((await timeIt(fn)).ms)
  return out
}

export const fmt = (ms: number) => ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)
