import type { PrincipalRow } from '../queries/sessions.ts'

/**
 * Principals looked up by secret hash, kept for a few seconds so that a burst of map requests
 * does not cost a database round trip each. Revoking a token, logging out or changing a user
 * clears the whole cache at once, so that takes effect on the next request.
 */
export class PrincipalCache {
  private entries = new Map<string, { row: PrincipalRow, until: number }>()

  constructor(private readonly ttlMs = 5_000, private readonly maxEntries = 10_000) {}

  async get(hash: string, load: () => Promise<PrincipalRow | undefined>, now = Date.now()): Promise<PrincipalRow | undefined> {
    const hit = this.entries.get(hash)
    if (hit && hit.until > now)
      return hit.row
    const row = await load()
    if (this.entries.size >= this.maxEntries)
      this.entries.clear()
    if (row)
      this.entries.set(hash, { row, until: now + this.ttlMs })
    else
      this.entries.delete(hash)
    return row
  }

  clear(): void {
    this.entries.clear()
  }
}
