import type { AppEnv, Deps, HttpConfig } from './http/env.ts'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { authenticate } from './http/authenticate.ts'
import { fail, toErrorResponse } from './http/errors.ts'
import { PrincipalCache } from './http/principal-cache.ts'
import { FailureThrottle, RateLimiter } from './http/rate-limit.ts'
import { adminRoutes } from './routes/admin.ts'
import { authRoutes } from './routes/auth.ts'
import { changeRoutes } from './routes/changes.ts'
import { choroplethRoutes } from './routes/choropleth.ts'
import { compareRoutes } from './routes/compare.ts'
import { coverageRoutes } from './routes/coverage.ts'
import { eventRoutes } from './routes/events.ts'
import { healthRoutes } from './routes/health.ts'
import { hotspotRoutes } from './routes/hotspots.ts'
import { importRoutes } from './routes/imports.ts'
import { indicatorRoutes } from './routes/indicators.ts'
import { listedHotspotRoutes } from './routes/listed-hotspots.ts'
import { metaRoutes } from './routes/meta.ts'
import { patrolPlanRoutes } from './routes/patrol-plans.ts'
import { patrolZoneRoutes } from './routes/patrol-zones.ts'
import { regionRoutes } from './routes/regions.ts'
import { reportRoutes } from './routes/reports.ts'
import { responseUnitRoutes } from './routes/response-units.ts'
import { riskIndexRoutes } from './routes/risk-index.ts'
import { stageEscalationRoutes } from './routes/stage-escalation.ts'
import { streamRoutes } from './routes/stream.ts'
import { supervisionRoutes } from './routes/supervision.ts'
import { tileRoutes } from './routes/tiles.ts'
import { wallRoutes } from './routes/wall.ts'
import { warningRuleRoutes } from './routes/warning-rules.ts'
import { warningRoutes } from './routes/warnings.ts'
import { waterRoutes } from './routes/water.ts'

export const defaultHttpConfig: HttpConfig = { publicRead: false, ratePerSecond: 50, rateBurst: 200, sessionHours: 12 }
const MAX_BODY_BYTES = 1024 * 1024

/** The API. Static files are added by main.ts, so tests call `app.request()` on this alone. */
export function createApp(deps: Deps, http: HttpConfig = defaultHttpConfig) {
  const services = {
    http,
    userLimiter: new RateLimiter(http.ratePerSecond, http.rateBurst),
    ipLimiter: new RateLimiter(http.ratePerSecond * 4, http.rateBurst * 4),
    loginThrottle: new FailureThrottle(),
    principals: new PrincipalCache(),
  }
  const smallBodies = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => fail(413, 'payload_too_large', `a request body may be at most ${MAX_BODY_BYTES / 1024} KB`) })
  return new Hono<AppEnv>()
    .use(requestId())
    .use(async (c, next) => {
      c.set('deps', deps)
      c.set('services', services)
      await next()
    })
    // Imports set their own, larger limit.
    .use('/api/*', (c, next) => c.req.path.startsWith('/api/import/') ? next() : smallBodies(c, next))
    .use('/api/*', authenticate)
    .basePath('/api')
    .route('/auth', authRoutes)
    .route('/admin', adminRoutes)
    .route('/health', healthRoutes)
    .route('/meta', metaRoutes)
    .route('/regions', regionRoutes)
    .route('/indicators', indicatorRoutes)
    .route('/choropleth', choroplethRoutes)
    .route('/compare', compareRoutes)
    .route('/changes', changeRoutes)
    .route('/risk-index', riskIndexRoutes)
    .route('/import', importRoutes)
    .route('/hotspots', hotspotRoutes)
    .route('/listed-hotspots', listedHotspotRoutes)
    .route('/tiles', tileRoutes)
    .route('/events', eventRoutes)
    .route('/response-units', responseUnitRoutes)
    .route('/coverage', coverageRoutes)
    .route('/water', waterRoutes)
    .route('/patrol-plans', patrolPlanRoutes)
    .route('/patrol-zones', patrolZoneRoutes)
    .route('/wall', wallRoutes)
    .route('/stream', streamRoutes)
    .route('/supervision', supervisionRoutes)
    .route('/stage-escalation', stageEscalationRoutes)
    .route('/warning-rules', warningRuleRoutes)
    .route('/warnings', warningRoutes)
    .route('/reports', reportRoutes)
    .notFound(c => c.json({ error: { code: 'not_found', message: `no such endpoint: ${c.req.method} ${c.req.path}` } }, 404))
    .onError(toErrorResponse)
}

export type AppType = ReturnType<typeof createApp>
