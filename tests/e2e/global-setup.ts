import type { TestProject } from 'vitest/node'
import { randomBytes } from 'node:crypto'
import process from 'node:process'
import { dropSeededTemplates } from '../helpers/e2e-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run's seeded e2e template databases, so they can be dropped at the end. */
    e2eRun: string
  }
}

/**
 * One id per run: the first e2e server of each seed configuration seeds a template database named
 * after it, later ones copy that (seconds instead of a minute of demo import), and the templates
 * go when the run ends.
 */
export default async function setup(project: TestProject) {
  const run = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`
  project.provide('e2eRun', run)
  return async () => {
    if (process.env.DATABASE_URL)
      await dropSeededTemplates(process.env.DATABASE_URL, run)
  }
}
