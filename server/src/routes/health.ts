import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'

export const healthRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db } = c.get('deps')
    const rows = await db.query<{ postgis: string }>('SELECT postgis_lib_version() AS postgis')
    return c.json({ status: 'ok' as const, database: db.kind, postgis: rows[0]!.postgis })
  })
