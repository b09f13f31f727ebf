/** First reconnect delay and the ceiling it doubles up to (issue 6: 1 s → 30 s). */
export const BACKOFF_BASE_MS = 1000
export const BACKOFF_MAX_MS = 30_000

/**
 * Delay before reconnect attempt `attempt` (0 for the first): exponential, capped, with "equal
 * jitter" (half fixed, half random) so a room of walls that lost the same server do not all come
 * back in the same millisecond, yet none retries sooner than half its step.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, base = BACKOFF_BASE_MS, max = BACKOFF_MAX_MS): number {
  const step = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt, 30)))
  return Math.round(step / 2 + random() * step / 2)
}
