import type { PoolClient } from 'pg'

/**
 * Rebuilds the region × sub-class × month rollup for the given months, at every level of the
 * region tree (migration 0005, `refresh_rollup`): events count at their township, delivered
 * values at the region they were delivered for, and both add up through region_ancestor.
 * Called inside each import's transaction; it runs with its owner's rights so that an import in a
 * township scope still updates the district and city rows above it.
 */
export async function refreshRollup(client: PoolClient, months: string[]): Promise<void> {
  if (months.length)
    await client.query('SELECT refresh_rollup($1::date[])', [months])
}
