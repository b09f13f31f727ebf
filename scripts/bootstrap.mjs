#!/usr/bin/env node
// Entry point behind `npm start` and `npm test`: a fresh clone only has Node and npm,
// so this script finds (or fetches) pnpm 10, installs the workspace, builds the web
// client, then hands over to the server or to Vitest. Plain Node, no dependencies.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const PNPM_VERSION = '10.34.9'
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const localPnpm = path.join(root, '.tools', 'node_modules', 'pnpm', 'bin', 'pnpm.cjs')
const isWindows = process.platform === 'win32'

const [mode = 'start', ...extraArgs] = process.argv.slice(2)
const modes = ['install', 'build', 'start', 'test']
if (!modes.includes(mode)) {
  console.error(`[riskmap] unknown mode "${mode}"; expected one of: ${modes.join(', ')}`)
  process.exit(2)
}

const log = message => console.log(`[riskmap] ${message}`)

function versionOf(command, args) {
  const result = spawnSync(command, [...args, '--version'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    shell: isWindows,
    timeout: 60_000,
    // A corepack shim must not stop to ask before downloading.
    env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' },
  })
  return result.status === 0 ? result.stdout.trim() : undefined
}

/** Returns how to invoke pnpm 10: the one on PATH if it fits, else a local copy in .tools/. */
function resolvePnpm() {
  const onPath = versionOf('pnpm', [])
  if (onPath?.startsWith('10.')) {
    log(`using pnpm ${onPath} from PATH`)
    return { command: 'pnpm', prefix: [] }
  }
  const local = { command: process.execPath, prefix: [localPnpm] }
  if (!existsSync(localPnpm) || !versionOf(local.command, local.prefix)?.startsWith('10.')) {
    log(`pnpm 10 not found${onPath ? ` (PATH has ${onPath})` : ''}; installing pnpm@${PNPM_VERSION} into .tools/`)
    // npm_execpath points at npm's own CLI when we run under `npm start`/`npm test`.
    const npmCli = process.env.npm_execpath
    const [npm, npmPrefix] = npmCli && /npm-cli\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli]]
      : ['npm', []]
    run(npm, [...npmPrefix, 'install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', '.tools', `pnpm@${PNPM_VERSION}`])
  }
  log(`using pnpm ${versionOf(local.command, local.prefix)} from .tools/`)
  return local
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: isWindows && command !== process.execPath })
  if (result.status !== 0) {
    const why = result.error?.message ?? (result.signal ? `signal ${result.signal}` : `exit code ${result.status}`)
    console.error(`[riskmap] failed: ${[command, ...args].join(' ')} (${why})`)
    process.exit(result.status || 1)
  }
}

/** Runs the final command and mirrors its exit, passing Ctrl-C and SIGTERM through. */
function handOver(command, args, env) {
  // pnpm does not pass signals on to the script it runs, so the child gets its own process group
  // and a signal goes to the whole group: pnpm, tsx and the server (or vitest) alike.
  const detached = !isWindows
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env, detached, shell: isWindows && command !== process.execPath })
  const forward = signal => () => {
    if (child.exitCode !== null || child.signalCode !== null)
      return
    try {
      if (detached)
        process.kill(-child.pid, signal)
      else
        child.kill(signal)
    }
    catch {
      // Already gone.
    }
  }
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  child.on('error', (error) => {
    console.error(`[riskmap] could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => {
    if (signal) {
      // Conventional shell status for "killed by signal".
      const numbers = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 }
      process.exit(128 + (numbers[signal] ?? 1))
    }
    process.exit(code ?? 1)
  })
}

const pnpm = resolvePnpm()
const pnpmArgs = (...args) => [...pnpm.prefix, ...args]
// Nested scripts (`pnpm -r typecheck` inside `pnpm lint`) must find the same pnpm.
const childEnv = pnpm.command === 'pnpm'
  ? process.env
  : { ...process.env, PATH: `${path.join(root, '.tools', 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` }

const hasLockfile = existsSync(path.join(root, 'pnpm-lock.yaml'))
log(hasLockfile ? 'installing dependencies (frozen lockfile)' : 'installing dependencies (no lockfile found)')
run(pnpm.command, pnpmArgs('install', ...(hasLockfile ? ['--frozen-lockfile'] : []), '--config.confirmModulesPurge=false'), childEnv)

if (mode === 'install') {
  log('install done')
  process.exit(0)
}

log('building the web client')
run(pnpm.command, pnpmArgs('--filter', '@riskmap/web', 'build'), childEnv)

if (mode === 'build') {
  log('build done')
  process.exit(0)
}

if (mode === 'start') {
  log(`starting the server (PORT=${process.env.PORT ?? '8080'})`)
  handOver(pnpm.command, pnpmArgs('--filter', '@riskmap/server', 'serve'), { PORT: '8080', ...childEnv })
}
else {
  log(`running tests: vitest run ${extraArgs.join(' ')}`.trimEnd())
  handOver(pnpm.command, pnpmArgs('exec', 'vitest', 'run', ...extraArgs), childEnv)
}
