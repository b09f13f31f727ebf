import type { PoolClient } from 'pg'

export interface AuditEntry {
  actor: string
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  /** The actor's scope: an admin of a district reads the entries of that district. */
  scope?: string
}

/** Appends one entry to the audit log, inside the transaction of the write it records. */
export async function appendAudit(client: PoolClient, e: AuditEntry): Promise<void> {
  await client.query(`
    INSERT INTO audit_log (actor, action, entity, entity_id, before, after, request_id, scope)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    e.actor,
    e.action,
    e.entity,
    e.entityId,
    e.before === null ? null : JSON.stringify(e.before),
    e.after === null ? null : JSON.stringify(e.after),
    e.requestId,
    e.scope ?? '*',
  ])
}
