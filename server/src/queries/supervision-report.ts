import type { Queryable } from '../db/database.ts'

export interface ReportListing {
  id: number
  region: string
  regionName: string
  reason: string
  unit: string
  plan: string
  listedAt: string
  deadline: string // 'YYYY-MM-DD'
  status: 'listed' | 'closed'
  /** The Asia/Shanghai date of the closure (销号), 'YYYY-MM-DD'. */
  closedAt: string | null
  closure: { kind: 'indicators' | 'admin_reason', detail: string } | null
  overdue: boolean // not closed and past the deadline
  summons: boolean // flagged for 约谈
  latestNote: string | null
}

/**
 * Listings of `region` or any region below it that were open at any time in from..to
 * ('YYYY-MM-DD', inclusive): listed on or before `to`, and not closed before `from` (closure dates in
 * Asia/Shanghai). Overdue and summons are decided against today in Asia/Shanghai, as everywhere
 * else (docs/supervision-listing.md). Row-level security limits them to the caller's scope.
 */
export async function listingsForReport(db: Queryable, q: { region: string, from: string, to: string }): Promise<ReportListing[]> {
  const rows = await db.query<ReportListing>(`
    SELECT l.id, l.region, r.name AS "regionName", l.reason, l.responsible_unit AS unit, l.plan,
      l.listed_on::text AS "listedAt", l.deadline::text AS deadline, l.status,
      (l.closed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "closedAt",
      CASE WHEN l.closure_kind IS NULL THEN NULL
           ELSE json_build_object('kind', l.closure_kind, 'detail', l.closure_detail) END AS closure,
      (l.status <> 'closed' AND l.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date) AS overdue,
      (SELECT n.text FROM supervision_note n WHERE n.listing_id = l.id ORDER BY n.id DESC LIMIT 1) AS "latestNote"
    FROM supervision_listing l
    JOIN region r ON r.code = l.region
    JOIN region_ancestor a ON a.descendant = l.region AND a.ancestor = $1
    WHERE l.listed_on <= $3::date
      AND (l.closed_at IS NULL OR (l.closed_at AT TIME ZONE 'Asia/Shanghai')::date >= $2::date)
    ORDER BY l.deadline, l.id`, [q.region, q.from, q.to])
  // Summons (约谈) is the overdue flag: docs/supervision-listing.md.
  return rows.map(r => ({ ...r, summons: r.overdue }))
}
