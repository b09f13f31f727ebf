import { z } from 'zod'
import { indicatorCode, month, regionCode } from '../http/params.ts'
import { MAX_COVERAGE_MONTHS } from '../response/schemas.ts'

/** At most this many new posts per plan. */
export const MAX_POSTS = 20
/** At most this many points in a route. */
export const MAX_ROUTE_POINTS = 50

const reachMinutes = z.union([z.literal(1), z.literal(3), z.literal(5)], { error: 'expected 1, 3 or 5 (minutes of the 1-3-5 standard)' })
const cellSize = z.union([z.literal(250), z.literal(500)], { error: 'expected 250 or 500 (metres, the hexagon edge)' })

const solveFields = {
  region: regionCode,
  k: z.number().int('must be a whole number').min(1, 'at least 1 post').max(MAX_POSTS, `at most ${MAX_POSTS} posts`),
  months: z.number().int('must be a whole number').min(1).max(MAX_COVERAGE_MONTHS).default(6),
  to: month.optional(),
  indicator: indicatorCode.default('all'),
  minutes: reachMinutes.default(3),
  cellSize: cellSize.default(250),
}

export const solveBody = z.object(solveFields).strict()
export type SolveBody = z.infer<typeof solveBody>

export const createBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  ...solveFields,
}).strict()
export type CreateBody = z.infer<typeof createBody>

const lonLat = z.tuple([
  z.number().min(-180, 'longitude is −180 to 180').max(180, 'longitude is −180 to 180'),
  z.number().min(-90, 'latitude is −90 to 90').max(90, 'latitude is −90 to 90'),
], { error: 'a point is [longitude, latitude] in WGS84 degrees' })

export const routeBody = z.object({
  points: z.array(lonLat).min(2, 'a route needs at least 2 points').max(MAX_ROUTE_POINTS, `at most ${MAX_ROUTE_POINTS} points`),
  /** Index of the point to start from (default the first). */
  start: z.number().int().min(0).default(0),
  /** Return to the start at the end. */
  closed: z.boolean().default(false),
}).strict().refine(v => v.start < v.points.length, { path: ['start'], message: 'must be the index of one of the points' })
export type RouteBody = z.infer<typeof routeBody>

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) })

export const listQuery = z.object({ region: regionCode.optional() })
