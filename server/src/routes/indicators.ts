import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'

export const indicatorRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const { catalog } = c.get('deps')
    return c.json({ version: catalog.version, tree: catalog.tree })
  })
