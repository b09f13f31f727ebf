import { resolve } from 'node:path'
import { z } from 'zod'

/** Environment, validated once at start-up. Everything else receives a typed Config. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  RISKMAP_DATA_DIR: z.string().min(1).optional(),
  RISKMAP_DEMO: z.enum(['0', '1']).default('1'),
  RISKMAP_DEMO_EVENTS: z.coerce.number().int().min(0).max(2_000_000).default(100_000),
  RISKMAP_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  RISKMAP_POOL_MAX: z.coerce.number().int().min(1).max(64).optional(),
  RISKMAP_WEB_DIST: z.string().optional(),
  RISKMAP_PUBLIC_READ: z.enum(['0', '1']).default('0'),
  RISKMAP_ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').max(200).optional(),
  RISKMAP_RATE_PER_SECOND: z.coerce.number().min(0.1).max(100_000).default(50),
  RISKMAP_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(200),
  RISKMAP_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 90).default(12),
  RISKMAP_WALK_KMH: z.coerce.number().min(0.5).max(50).default(5),
  RISKMAP_VEHICLE_KMH: z.coerce.number().min(1).max(200).default(30),
})

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  demo: boolean
  demoEvents: number
  statementTimeoutMs: number
  /** How long a request may wait for a pool connection before failing with 503. */
  connectionTimeoutMs: number
  poolMax: number
  webDist: string
  /** RISKMAP_PUBLIC_READ=1: anonymous visitors read everything, as a display would (demos only). */
  publicRead: boolean
  adminPassword: string | undefined
  /** Sustained requests per second allowed per user and per IP, and the burst above it. */
  ratePerSecond: number
  rateBurst: number
  sessionHours: number
  /** Speeds per mode for the speed-based 1-3-5 reach and coverage (docs/response-units.md). */
  reachSpeeds: { walkKmh: number, vehicleKmh: number }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    // The default lives at the repository root whatever the working directory, so that the CLI
    // and the server find the same embedded database.
    dataDir: e.RISKMAP_DATA_DIR ? resolve(e.RISKMAP_DATA_DIR) : new URL('../../.riskmap', import.meta.url).pathname,
    demo: e.RISKMAP_DEMO === '1',
    demoEvents: e.RISKMAP_DEMO_EVENTS,
    statementTimeoutMs: e.RISKMAP_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMs: 5_000,
    // 2–4 connections give the best throughput on 2 cores (METHODS.md); PGlite runs one query at a time anyway.
    poolMax: e.RISKMAP_POOL_MAX ?? 4,
    webDist: resolve(e.RISKMAP_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    publicRead: e.RISKMAP_PUBLIC_READ === '1',
    adminPassword: e.RISKMAP_ADMIN_PASSWORD,
    ratePerSecond: e.RISKMAP_RATE_PER_SECOND,
    rateBurst: e.RISKMAP_RATE_BURST,
    sessionHours: e.RISKMAP_SESSION_HOURS,
    reachSpeeds: { walkKmh: e.RISKMAP_WALK_KMH, vehicleKmh: e.RISKMAP_VEHICLE_KMH },
  }
}
