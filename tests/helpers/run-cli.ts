import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Runs `pnpm riskmap …` (tsx server/src/cli.ts) against the given database environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number, stdout: string, stderr: string }> {
  return new Promise((resolve, reject) => {
    const clean = { ...process.env }
    delete clean.DATABASE_URL
    delete clean.RISKMAP_DATA_DIR
    const child = spawn(`${root}node_modules/.bin/tsx`, [`${root}server/src/cli.ts`, ...args], { cwd: root, env: { ...clean, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }))
  })
}
