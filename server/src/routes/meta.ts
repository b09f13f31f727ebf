import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { currentShanghaiMonth } from '../import/time.ts'
import { dataMonths } from '../queries/choropleth.ts'

export const metaRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db, catalog } = c.get('deps')
    const [months, cities, synthetic] = await Promise.all([
      dataMonths(db),
      db.query<{ code: string, name: string }>(`SELECT code, name FROM region WHERE level = 'city' ORDER BY code`),
      db.query<{ synthetic: boolean }>('SELECT EXISTS (SELECT 1 FROM import_batch WHERE synthetic) AS synthetic'),
    ])
    const now = currentShanghaiMonth()
    return c.json({
      months: months ?? { from: now, to: now },
      currentMonth: now,
      synthetic: synthetic[0]!.synthetic,
      cities,
      catalogVersion: catalog.version,
    })
  })
