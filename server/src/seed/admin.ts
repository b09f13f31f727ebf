import type { Database } from '../db/database.ts'
import { randomBytes } from 'node:crypto'
import { hashPassword } from '../auth/passwords.ts'
import { onClient } from '../db/database.ts'
import { appendAudit } from '../queries/audit.ts'
import { countUsers, insertUser } from '../queries/users.ts'

/**
 * On first start (no users yet) creates `admin` with scope '*': the password comes from
 * RISKMAP_ADMIN_PASSWORD, or is generated and printed once. Returns the generated password.
 */
export async function seedFirstAdmin(db: Database, configured: string | undefined): Promise<string | null> {
  if (await countUsers(db) > 0)
    return null
  const password = configured ?? randomBytes(12).toString('base64url')
  const passwordHash = await hashPassword(password)
  await db.transaction(async (client) => {
    const user = await insertUser(onClient(client), { username: 'admin', passwordHash, role: 'admin', scope: '*' })
    await appendAudit(client, { actor: 'system', action: 'user.create', entity: 'app_user', entityId: String(user.id), before: null, after: user, requestId: null })
  })
  return configured ? null : password
}
