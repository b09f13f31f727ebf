import type { PoolClient } from 'pg'

/**
 * Rebuilds the region × sub-class × month rollup for the given months, at every level of the
 * region tree: events count at their township, delivered values at the region they were
 * delivered for, and both add up through region_ancestor. Called inside each import's transaction.
 */
export async function refreshRollup(client: PoolClient, months: string[]): Promise<void> {
  if (!months.length)
    return
  await client.query('DELETE FROM rollup WHERE month = ANY($1::date[])', [months])
  await client.query(`
    INSERT INTO rollup (region, indicator, month, value)
    SELECT a.ancestor, b.indicator, b.month, sum(b.value)
    FROM (
      SELECT township AS region, indicator, month, count(*)::float8 AS value
      FROM event WHERE month = ANY($1::date[])
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT region, indicator, month, value
      FROM indicator_value WHERE month = ANY($1::date[])
    ) b
    JOIN region_ancestor a ON a.descendant = b.region
    GROUP BY 1, 2, 3`, [months])
}
