import type { Database } from './database.ts'
import { readdirSync, readFileSync } from 'node:fs'

const migrationsDir = new URL('./migrations/', import.meta.url)

/** Applies numbered `NNNN_name.sql` files once each, in order, each in its own transaction. */
export async function runMigrations(db: Database): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const applied = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migration')).map(r => r.name))
  const files = readdirSync(migrationsDir).filter(f => /^\d{4}_[\w-]+\.sql$/.test(f)).sort()
  const done: string[] = []
  for (const file of files) {
    if (applied.has(file))
      continue
    const sql = readFileSync(new URL(file, migrationsDir), 'utf8')
    await db.transaction(async (client) => {
      await client.query(sql)
      await client.query('INSERT INTO schema_migration (name) VALUES ($1)', [file])
    })
    done.push(file)
  }
  return done
}
