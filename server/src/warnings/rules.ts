import type { Catalog } from '../domain/catalog.ts'
import { z } from 'zod'
import { MIN_TOTAL, NOTICE_Z, WARNING_Z } from '../analysis/change-significance.ts'
import { DEFAULT_ESCALATION_OPTIONS } from '../analysis/stage-escalation.ts'
import { fail } from '../http/errors.ts'
import { indicatorCode, regionCode } from '../http/params.ts'

export const ruleKinds = ['mom_significant', 'yoy_significant', 'rate_threshold', 'escalation_ratio', 'zero_target'] as const
export type RuleKind = (typeof ruleKinds)[number]
export type Severity = 'notice' | 'warning'

/** Every major class, or every sub-class: one warning per code that fires. */
export const EVERY_CLASS = '*class'
export const EVERY_SUBCLASS = '*subclass'

const minZ = z.number().min(NOTICE_Z).max(10).default(WARNING_Z)
const minTotal = z.number().int().min(0).max(1000).default(MIN_TOTAL)

/** Parameters per kind; unknown keys are refused so that a typo does not pass as a default. */
export const ruleParams = {
  mom_significant: z.object({ minZ, minTotal }).strict(),
  yoy_significant: z.object({ minZ, minTotal }).strict(),
  rate_threshold: z.object({
    per10k: z.number().positive().max(1_000_000),
    /** No warning below this count, whatever the rate (small counts). */
    minCount: z.number().int().min(0).max(1000).default(3),
    /** No rate below this population (rate-smoothing.ts suppresses there too). */
    minPopulation: z.number().int().min(0).max(10_000_000).default(1000),
  }).strict(),
  escalation_ratio: z.object({
    ratio: z.number().min(0).max(1000).default(1),
    trendRequired: z.boolean().default(true),
    months: z.number().int().min(6).max(36).default(12),
    minEmerging: z.number().int().min(0).max(100_000).default(DEFAULT_ESCALATION_OPTIONS.minEmerging),
  }).strict(),
  zero_target: z.object({}).strict(),
} as const satisfies Record<RuleKind, z.ZodType>

export type RuleParams<K extends RuleKind = RuleKind> = z.output<(typeof ruleParams)[K]>

const ruleIndicator = z.union([z.literal(EVERY_CLASS), z.literal(EVERY_SUBCLASS), indicatorCode])
const name = z.string().trim().min(1).max(200)
const note = z.string().max(2000)

export const ruleBody = z.object({
  kind: z.enum(ruleKinds),
  name,
  indicator: ruleIndicator.nullable().default(null),
  level: z.enum(['district', 'township']).default('township'),
  params: z.record(z.string(), z.unknown()).default({}),
  severity: z.enum(['notice', 'warning']).default('warning'),
  enabled: z.boolean().default(true),
  region: regionCode.nullable().default(null),
  note: note.default(''),
}).strict()

export const rulePatch = z.object({
  version: z.number().int().positive(),
  name: name.optional(),
  indicator: ruleIndicator.nullable().optional(),
  level: z.enum(['district', 'township']).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  severity: z.enum(['notice', 'warning']).optional(),
  enabled: z.boolean().optional(),
  note: note.optional(),
}).strict()

export interface RuleDef {
  id: number
  kind: RuleKind
  name: string
  indicator: string | null
  level: 'district' | 'township'
  params: Record<string, unknown>
  severity: Severity
  enabled: boolean
  region: string | null
}

/**
 * Checks a rule's indicator and parameters for its kind and returns the parameters with their
 * defaults filled in; a bad rule is a 400 that names the parameter.
 */
export function checkRule(catalog: Catalog, r: Pick<RuleDef, 'kind' | 'indicator' | 'params'>): { indicator: string | null, params: Record<string, unknown> } {
  const parsed = ruleParams[r.kind].safeParse(r.params)
  if (!parsed.success) {
    const issues = parsed.error.issues.map(i => ({ parameter: ['params', ...i.path].join('.'), message: i.message }))
    fail(400, 'invalid_parameter', issues.map(i => `${i.parameter}: ${i.message}`).join('; '), issues)
  }
  if (r.kind === 'escalation_ratio') {
    if (r.indicator !== null)
      fail(400, 'invalid_parameter', 'indicator: the escalation ratio rule reads stages A, B and C and takes no indicator (null)')
    return { indicator: null, params: parsed.data }
  }
  if (r.indicator === null)
    fail(400, 'invalid_parameter', `indicator: the ${r.kind} rule needs an indicator (a catalog code, ${EVERY_CLASS} or ${EVERY_SUBCLASS})`)
  if (r.indicator !== EVERY_CLASS && r.indicator !== EVERY_SUBCLASS && !catalog.has(r.indicator))
    fail(400, 'invalid_parameter', `indicator: unknown indicator "${r.indicator}"`)
  return { indicator: r.indicator, params: parsed.data }
}

/** The catalog codes a rule's indicator stands for. */
export function ruleIndicators(catalog: Catalog, indicator: string): string[] {
  const walk = (kind: 'class' | 'subclass') => catalog.tree.flatMap(cat => (cat.children ?? []).flatMap(cls => kind === 'class' ? [cls.code] : (cls.children ?? []).filter(s => !s.retired).map(s => s.code)))
  if (indicator === EVERY_CLASS)
    return walk('class')
  if (indicator === EVERY_SUBCLASS)
    return walk('subclass')
  return catalog.has(indicator) ? [indicator] : []
}
