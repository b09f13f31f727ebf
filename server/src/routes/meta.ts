import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { read } from '../http/scoped.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { dataMonths } from '../queries/choropleth.ts'
import { ancestorsOfScope } from './region-access.ts'

export const metaRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { catalog, db: owner } = c.get('deps')
    // Whether demo data is loaded, and the city above a district or township scope, are not
    // secrets: read them with the owner's rights, before the scoped transaction.
    const synthetic = await owner.query<{ synthetic: boolean }>('SELECT EXISTS (SELECT 1 FROM import_batch WHERE synthetic) AS synthetic')
    const above = [...(await ancestorsOfScope(c)).values()].filter(r => r.level === 'city')
    const { months, visible } = await read(c, async db => ({
      months: await dataMonths(db),
      visible: await db.query<{ code: string, name: string }>(`SELECT code, name FROM region WHERE level = 'city' ORDER BY code`),
    }))
    const cities = [...above.map(r => ({ code: r.code, name: r.name })), ...visible]
    const now = currentShanghaiMonth()
    return c.json({
      months: months ?? { from: now, to: now },
      currentMonth: now,
      synthetic: synthetic[0]!.synthetic,
      cities,
      catalogVersion: catalog.version,
    })
  })
