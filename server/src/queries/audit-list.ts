import type { Queryable } from '../db/database.ts'

export interface AuditFilter {
  actor?: string | undefined
  action?: string | undefined
  entity?: string | undefined
  from?: string | undefined
  to?: string | undefined
  before?: number | undefined
  limit: number
}

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
}

/** Newest first, paged by id; dates are Asia/Shanghai calendar days. Scope comes from RLS. */
export async function listAudit(db: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  return db.query<AuditRow>(`
    SELECT id, at, actor, action, entity, entity_id AS "entityId", before, after, request_id AS "requestId"
    FROM audit_log
    WHERE ($1::text IS NULL OR actor = $1)
      -- A prefix match without LIKE, so that % and _ in the filter are plain characters.
      AND ($2::text IS NULL OR starts_with(action, $2))
      AND ($3::text IS NULL OR entity = $3)
      AND ($4::date IS NULL OR at >= ($4::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
      AND ($5::date IS NULL OR at < (($5::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
      AND ($6::bigint IS NULL OR id < $6)
    ORDER BY id DESC
    LIMIT $7`, [f.actor ?? null, f.action ?? null, f.entity ?? null, f.from ?? null, f.to ?? null, f.before ?? null, f.limit])
}
