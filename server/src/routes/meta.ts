import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { read } from '../http/scoped.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { dataMonths } from '../queries/choropleth.ts'

export const metaRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { catalog } = c.get('deps')
    const { months, cities, synthetic } = await read(c, async db => ({
      months: await dataMonths(db),
      cities: await db.query<{ code: string, name: string }>(`SELECT code, name FROM region WHERE level = 'city' ORDER BY code`),
      synthetic: await db.query<{ synthetic: boolean }>('SELECT EXISTS (SELECT 1 FROM import_batch WHERE synthetic) AS synthetic'),
    }))
    const now = currentShanghaiMonth()
    return c.json({
      months: months ?? { from: now, to: now },
      currentMonth: now,
      synthetic: synthetic[0]!.synthetic,
      cities,
      catalogVersion: catalog.version,
    })
  })
