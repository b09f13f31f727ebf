import antfu from '@antfu/eslint-config'

export default antfu(
  {
    typescript: true,
    vue: true,
    formatters: false,
    // Docs use ```ts blocks for illustrative pseudo-code ("…"), which cannot parse.
    markdown: false,
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'geodata/out/**',
      'tests/artifacts/**',
      '.tools/**',
      '.riskmap/**',
      '**/*.sql',
    ],
  },
  {
    rules: {
      // Node code imports `process` from node:process where it is convenient, but the global is fine.
      'node/prefer-global/process': 'off',
      'node/prefer-global/buffer': 'off',
    },
  },
  {
    // Servers, CLIs, importers and tests are Node ESM that talk to a terminal; an entry point
    // awaiting its start-up at the top level is the plain way to write it.
    files: ['server/**', 'scripts/**', 'geodata/**', 'tests/**', '*.config.ts'],
    rules: {
      'no-console': 'off',
      'antfu/no-top-level-await': 'off',
    },
  },
)
