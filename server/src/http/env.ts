import type { Database } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'

/** What every route can reach: set once per app by the dependency middleware. */
export interface Deps {
  db: Database
  catalog: Catalog
}

export interface AppEnv {
  Variables: {
    deps: Deps
    requestId: string
  }
}
