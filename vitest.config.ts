import type { Plugin } from 'vitest/config'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { defineConfig } from 'vitest/config'

// The Vue plugin is a dependency of the tests/ package, not of the root, so resolve it from there.
const requireFromTests = createRequire(new URL('./tests/package.json', import.meta.url))
const { default: vue } = await import(pathToFileURL(requireFromTests.resolve('@vitejs/plugin-vue')).href) as { default: () => Plugin }

const FAULT_TESTS = 'tests/server/faults-*.test.ts'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          exclude: [FAULT_TESTS],
          environment: 'node',
          globalSetup: ['tests/server/global-setup.ts'],
          // Every file works on its own copy of the template database (a PostgreSQL database or
          // an embedded data directory), so files run side by side, one per core.
          testTimeout: 120_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          // Fault injection (overload, statement timeouts, killed imports, a restarted PostgreSQL)
          // measures what a server does under a load it controls, so these files run alone,
          // after the others.
          name: 'server-faults',
          include: [FAULT_TESTS],
          environment: 'node',
          globalSetup: ['tests/server/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 2 },
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'web',
          include: ['tests/web/**/*.test.ts'],
          environment: 'happy-dom',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Seeded template databases shared by the files' servers (DATABASE_URL runs only).
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Each file starts its own server and Chromium; running two at once only adds flakiness.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
})
