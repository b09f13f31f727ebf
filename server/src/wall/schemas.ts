import { z } from 'zod'
import { indicatorCode, month, regionCode } from '../http/params.ts'

export const wallLayers = ['choropleth', 'points', 'heatmap', 'hexbins', 'gistar', 'blindspots', 'patrol', 'water'] as const
export const kpiKinds = ['count', 'resolution_rate', 'days_since'] as const

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)
const label = z.object({ zh: text(60), en: text(80).optional() }).strict()
const title = z.object({ zh: text(100), en: text(150).optional() }).strict()
const lon = z.number().min(-180).max(180)
const lat = z.number().min(-90).max(90)

export const kpi = z.object({
  kind: z.enum(kpiKinds, { error: `expected one of ${kpiKinds.join(', ')}` }),
  indicator: indicatorCode,
  label: label.optional(),
}).strict()
export type Kpi = z.infer<typeof kpi>

export const scene = z.object({
  kind: z.enum(['map', 'tour']),
  title: title.optional(),
  layer: z.enum(wallLayers, { error: `expected one of ${wallLayers.join(', ')}` }),
  indicator: indicatorCode,
  region: regionCode.nullable(),
  level: z.enum(['district', 'township']),
  period: z.object({ months: z.union([z.literal(1), z.literal(3), z.literal(12)], { error: 'expected 1, 3 or 12' }) }).strict(),
  camera: z.object({
    center: z.tuple([lon, lat]),
    zoom: z.number().min(0).max(22),
    bearing: z.number().min(-360).max(360).optional(),
    pitch: z.number().min(0).max(85).optional(),
  }).strict().nullable(),
  durationS: z.number().int().min(5).max(3600).optional(),
}).strict()
export type Scene = z.infer<typeof scene>

const fields = {
  name: text(200),
  intervalS: z.number().int().min(5, 'at least 5 seconds').max(3600, 'at most 3600 seconds'),
  region: regionCode,
  kpis: z.array(kpi).min(1, 'at least 1 KPI tile').max(8, 'at most 8 KPI tiles'),
  scenes: z.array(scene).min(1, 'at least 1 scene').max(20, 'at most 20 scenes'),
}

export const createBody = z.object({ ...fields, intervalS: fields.intervalS.default(30) }).strict()
export type CreateBody = z.infer<typeof createBody>

export const patchBody = z.object({
  name: fields.name.optional(),
  intervalS: fields.intervalS.optional(),
  region: fields.region.optional(),
  kpis: fields.kpis.optional(),
  scenes: fields.scenes.optional(),
  version: z.number().int().min(1).max(2 ** 31 - 1),
}).strict().refine(v => Object.keys(v).length > 1, 'name at least one field to change besides version')
export type PatchBody = z.infer<typeof patchBody>

export const idParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53) })
export const deleteQuery = z.object({ version: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional() })

export const kpisQuery = z.object({ playlist: z.coerce.number().int().positive().max(2 ** 53), month: month.optional() })

export const topQuery = z.object({
  region: regionCode,
  month: month.optional(),
  indicator: indicatorCode.default('all'),
  n: z.coerce.number().int().min(1).max(50).default(10),
})

export const trendQuery = z.object({
  region: regionCode,
  indicator: indicatorCode.default('all'),
  months: z.coerce.number().int().min(2).max(60).default(24),
  /** The last month of the series; the current month by default. */
  month: month.optional(),
})

export const tourQuery = z.object({
  region: regionCode,
  month: month.optional(),
  indicator: indicatorCode.default('all'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
})

export const tickerQuery = z.object({
  region: regionCode,
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
