import type { AppEnv, Deps } from './http/env.ts'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { toErrorResponse } from './http/errors.ts'
import { choroplethRoutes } from './routes/choropleth.ts'
import { healthRoutes } from './routes/health.ts'
import { importRoutes } from './routes/imports.ts'
import { indicatorRoutes } from './routes/indicators.ts'
import { metaRoutes } from './routes/meta.ts'
import { regionRoutes } from './routes/regions.ts'

/** The API. Static files are added by main.ts, so tests call `app.request()` on this alone. */
export function createApp(deps: Deps) {
  return new Hono<AppEnv>()
    .use(requestId())
    .use(async (c, next) => {
      c.set('deps', deps)
      await next()
    })
    .basePath('/api')
    .route('/health', healthRoutes)
    .route('/meta', metaRoutes)
    .route('/regions', regionRoutes)
    .route('/indicators', indicatorRoutes)
    .route('/choropleth', choroplethRoutes)
    .route('/import', importRoutes)
    .notFound(c => c.json({ error: { code: 'not_found', message: `no such endpoint: ${c.req.method} ${c.req.path}` } }, 404))
    .onError(toErrorResponse)
}

export type AppType = ReturnType<typeof createApp>
