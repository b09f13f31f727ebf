import type { Queryable } from '../db/database.ts'
import type { CalendarCell } from '../water/calendar.ts'

/**
 * Events of the given sub-classes by month of year × hour of day, both read in Asia/Shanghai local
 * time (UTC+8 all year, whatever the server's zone), over the calendar months [from, to], under
 * one region's subtree when given. Row-level security keeps it to the scope.
 */
export async function calendarCells(q: Queryable, p: { leaves: string[], from: string, to: string, region: string | null }): Promise<CalendarCell[]> {
  return q.query<CalendarCell>(`
    SELECT extract(month FROM l)::int AS month, extract(hour FROM l)::int AS hour, count(*)::int AS count
    FROM (
      SELECT e.occurred_at AT TIME ZONE 'Asia/Shanghai' AS l
      FROM event e
      WHERE e.indicator = ANY ($1::text[])
        AND e.month BETWEEN to_date($2, 'YYYY-MM') AND to_date($3, 'YYYY-MM')
        AND ($4::text IS NULL OR e.township IN (SELECT descendant FROM region_ancestor WHERE ancestor = $4))
    ) e
    GROUP BY 1, 2
    ORDER BY 1, 2`, [p.leaves, p.from, p.to, p.region])
}
