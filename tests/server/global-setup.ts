import type { TestProject } from 'vitest/node'
import { buildTemplate, dropTemplate } from '../helpers/test-db.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string
  }
}

interface SharedTemplate { template: Promise<string>, users: number }

// The server and server-faults projects both run this setup in vitest's main process. They share
// one template through globalThis (each project loads its own copy of this module), and the last
// teardown drops it.
const shared = globalThis as typeof globalThis & { riskmapServerTemplate?: SharedTemplate }

/** Builds one migrated, seeded template database that every server test file copies. */
export default async function setup(project: TestProject) {
  shared.riskmapServerTemplate ??= { template: buildTemplate(), users: 0 }
  const entry = shared.riskmapServerTemplate
  entry.users++
  project.provide('dbTemplate', await entry.template)
  return async () => {
    if (--entry.users > 0)
      return
    shared.riskmapServerTemplate = undefined
    await dropTemplate(await entry.template)
  }
}
