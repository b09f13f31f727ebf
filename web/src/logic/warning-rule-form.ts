import type { IndicatorNode } from '../api/client.ts'
import type { WarningRuleCreate } from '../api/warnings-api.ts'

/** The five rule kinds of the server (server/src/warnings/rules.ts), in the order offered. */
export const RULE_KINDS = ['mom_significant', 'yoy_significant', 'rate_threshold', 'escalation_ratio', 'zero_target'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

/** Every major class, or every sub-class: only the significance kinds take these. */
export const WILDCARDS = ['*class', '*subclass'] as const

type ParamValue = string | boolean

/**
 * The parameters of each kind with the server's defaults, as the form shows them (numbers as the
 * text of their input; '' = no default, the server asks for it). tests/web/warnings-rule-form.test.ts
 * checks them against the server's schema.
 */
export const PARAM_DEFAULTS: Record<RuleKind, Record<string, ParamValue>> = {
  mom_significant: { minZ: '3', minTotal: '6' },
  yoy_significant: { minZ: '3', minTotal: '6' },
  rate_threshold: { per10k: '', minCount: '3', minPopulation: '1000' },
  escalation_ratio: { ratio: '1', trendRequired: true, months: '12', minEmerging: '10' },
  zero_target: {},
}

export interface RuleDraft {
  kind: RuleKind
  name: string
  /** A catalog code, a wildcard, or '' (none chosen; always '' for the escalation ratio). */
  indicator: string
  level: 'district' | 'township'
  params: Record<string, ParamValue>
  severity: 'notice' | 'warning'
}

export const takesIndicator = (kind: RuleKind) => kind !== 'escalation_ratio'
export const allowsWildcard = (kind: RuleKind) => kind === 'mom_significant' || kind === 'yoy_significant'

export function emptyRuleDraft(kind: RuleKind = 'zero_target'): RuleDraft {
  return { kind, name: '', indicator: '', level: 'township', params: { ...PARAM_DEFAULTS[kind] }, severity: 'warning' }
}

/**
 * The draft after the kind changed: the new kind's parameters with their defaults, and the
 * indicator kept only where the new kind takes it.
 */
export function withKind(d: RuleDraft, kind: RuleKind): RuleDraft {
  const keep = takesIndicator(kind) && (allowsWildcard(kind) || !(WILDCARDS as readonly string[]).includes(d.indicator))
  return { ...d, kind, indicator: keep ? d.indicator : '', params: { ...PARAM_DEFAULTS[kind] } }
}

/**
 * The POST body for a draft. Numbers typed as text become numbers; an empty or unreadable number is
 * left out (the server then applies its default or names the missing parameter in its 400).
 * `scope` is the admin's scope code: an unrestricted admin ('*') makes a rule for every region,
 * a scoped one a rule for the region of the scope (the server refuses a global rule there).
 */
export function createRuleRequest(d: RuleDraft, scope = '*'): WarningRuleCreate {
  const params: Record<string, number | boolean | string> = {}
  for (const [k, v] of Object.entries(d.params)) {
    if (typeof v === 'boolean') {
      params[k] = v
      continue
    }
    const text = v.trim()
    if (text === '')
      continue
    const n = Number(text)
    // Unreadable text goes as it is, so that the server's message names the parameter.
    params[k] = Number.isFinite(n) ? n : text
  }
  return {
    kind: d.kind,
    name: d.name.trim(),
    indicator: takesIndicator(d.kind) && d.indicator.trim() !== '' ? d.indicator.trim() : null,
    level: d.level,
    params,
    severity: d.severity,
    ...(scope === '*' ? {} : { region: scope }),
  }
}

export interface IndicatorOption { code: string, zh: string, en: string, depth: number }

/** The indicators a rule may name: every category, class and sub-class in tree order (retired ones left out). */
export function indicatorOptions(tree: readonly IndicatorNode[], depth = 0): IndicatorOption[] {
  return tree.flatMap(node => [
    ...(node.retired === true ? [] : [{ code: node.code, zh: node.name.zh, en: node.name.en, depth }]),
    ...indicatorOptions(node.children ?? [], depth + 1),
  ])
}

/** The message shown for a failed delete: a stale version (409) asks for a reload. */
export function deleteErrorKey(status: number): 'warnings.rules.stale' | null {
  return status === 409 ? 'warnings.rules.stale' : null
}
