import type { TestProject } from 'vitest/node'
import { buildTemplate, dropTemplate } from '../helpers/test-db.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string
  }
}

/** Builds one migrated, seeded template database that every server test file copies. */
export default async function setup(project: TestProject) {
  const template = await buildTemplate()
  project.provide('dbTemplate', template)
  return async () => dropTemplate(template)
}
