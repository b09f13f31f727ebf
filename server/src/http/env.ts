import type { Config } from '../config.ts'
import type { Database } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { PrincipalCache } from './principal-cache.ts'
import type { Principal } from './principal.ts'
import type { FailureThrottle, RateLimiter } from './rate-limit.ts'

/** Limits and switches the HTTP layer needs from the configuration. */
export type HttpConfig = Pick<Config, 'publicRead' | 'ratePerSecond' | 'rateBurst' | 'sessionHours'> & Partial<Pick<Config, 'reachSpeeds'>>

/** What every route can reach: set once per app by the dependency middleware. */
export interface Deps {
  db: Database
  catalog: Catalog
}

export interface AppServices {
  http: HttpConfig
  userLimiter: RateLimiter
  ipLimiter: RateLimiter
  loginThrottle: FailureThrottle
  principals: PrincipalCache
}

export interface AppEnv {
  Variables: {
    deps: Deps
    services: AppServices
    requestId: string
    principal: Principal
  }
}
