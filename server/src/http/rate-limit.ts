/**
 * Token buckets kept in memory, keyed by user and by IP. Buckets idle long enough to be full
 * again are dropped, so memory stays bounded by the number of active clients.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number, at: number }>()

  constructor(private readonly perSecond: number, private readonly burst: number, private readonly maxKeys = 100_000) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now = Date.now()): number {
    let b = this.buckets.get(key)
    if (!b) {
      if (this.buckets.size >= this.maxKeys)
        this.sweep(now)
      b = { tokens: this.burst, at: now }
      this.buckets.set(key, b)
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond)
    b.at = now
    if (b.tokens >= 1) {
      b.tokens -= 1
      return 0
    }
    return Math.ceil((1 - b.tokens) / this.perSecond)
  }

  private sweep(now: number): void {
    const full = (this.burst / this.perSecond) * 1000
    for (const [k, b] of this.buckets) {
      if (now - b.at > full)
        this.buckets.delete(k)
    }
  }
}

/**
 * Login throttling: after `limit` failures in `windowMs` for a username or an IP, further
 * attempts are refused until the window has passed, whether the password is right or not.
 */
export class FailureThrottle {
  private failures = new Map<string, number[]>()

  constructor(private readonly limit = 5, private readonly windowMs = 15 * 60_000) {}

  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0
    for (const k of keys) {
      const recent = (this.failures.get(k) ?? []).filter(t => now - t < this.windowMs)
      if (recent.length >= this.limit)
        wait = Math.max(wait, Math.ceil((recent[0]! + this.windowMs - now) / 1000))
    }
    return wait
  }

  fail(keys: string[], now = Date.now()): void {
    for (const k of keys) {
      const recent = (this.failures.get(k) ?? []).filter(t => now - t < this.windowMs)
      recent.push(now)
      this.failures.set(k, recent)
    }
    if (this.failures.size > 100_000)
      this.failures.clear()
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.failures.delete(k)
  }
}
