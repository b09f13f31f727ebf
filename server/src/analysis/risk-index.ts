import type { Stage } from '../catalog/indicator-catalog.ts'
import type { Grade, IndexLeaf, RiskIndexConfig, RiskIndexConfigInput } from './risk-index-config.ts'
import { classLeaves, GRADE_NAMES, gradeOf, GRADES, riskIndexConfigSchema, STAGES, subclassLeaves } from './risk-index-config.ts'

// Composite risk index 0–100 per region, following METHODS.md: normalise each leaf (a rate per
// 10k) over a fixed reference set, reverse the leaves where a rise is good, combine with
// weights arithmetically, scale to 0–100 and grade in four colours at fixed thresholds.
//
//   n_ℓ  = min–max (clamped to [0, 1]) or mid-rank percentile of x_ℓ in the reference values
//   s_ℓ  = reversed ? 1 − n_ℓ : n_ℓ
//   S_st = Σ_{ℓ∈st} v_ℓ s_ℓ / Σ_{ℓ∈st} v_ℓ        (v_ℓ leaf weight, over leaves with a value)
//   I    = 100 · Σ_st W_st S_st / Σ_st W_st        (W_st stage weight, over stages with a score)
//
// Averaging within a stage first keeps a stage's share equal to its weight however many leaves it
// has (resolution has 4 classes, the others 2).

export type LeafValues = Readonly<Record<string, number | null | undefined>>

export interface RegionLeafValues { code: string, values: LeafValues }

export interface LeafScore { value: number | null, normalised: number | null, score: number | null }

export interface RiskIndexResult {
  code: string
  /** 0–100, null when no leaf has a value. */
  index: number | null
  grade: Grade | null
  stageScores: Record<Stage, number | null>
  leaves: Record<string, LeafScore>
  /** Leaves (with a weight) that had no value for this region and were left out. */
  missing: string[]
}

export interface RiskIndexMethodCard {
  name: { zh: string, en: string }
  leafLevel: RiskIndexConfig['leafLevel']
  leafUnit: 'per 10,000 residents'
  leaves: Array<IndexLeaf & { weight: number }>
  stageWeights: RiskIndexConfig['stageWeights']
  normalisation: {
    method: RiskIndexConfig['normalisation']
    reference: string
    referenceSize: number
    /** Leaves equal everywhere in the reference: they rank nothing and are left out of every index. */
    constantLeaves: string[]
    /** min–max bounds per leaf over the reference set (minmax only). */
    bounds?: Record<string, { min: number, max: number } | null>
  }
  combination: 'arithmetic'
  formula: string
  scale: [0, 100]
  thresholds: [number, number, number]
  grades: Array<{ grade: Grade, from: number, to: number, zh: string, en: string }>
  notes: string[]
}

export interface RiskIndexOptions {
  /** The leaves; by default the catalog's classes or sub-classes per `leafLevel`. */
  leaves?: IndexLeaf[]
  /** Fixed reference values (e.g. every township over a baseline year); default: the regions scored. */
  reference?: { label: string, rows: readonly LeafValues[] }
}

function finite(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

type Normaliser = (x: number) => number

function minMax(ref: number[]): { normalise: Normaliser, bounds: { min: number, max: number } } {
  const min = Math.min(...ref)
  const max = Math.max(...ref)
  // A leaf that is equal everywhere in the reference says nothing about any region: 0 for all.
  const normalise = (x: number) => (max > min ? Math.min(1, Math.max(0, (x - min) / (max - min))) : 0)
  return { normalise, bounds: { min, max } }
}

/** Mid-rank percentile (scipy percentileofscore kind='mean', as a fraction). */
function percentile(ref: number[]): Normaliser {
  return (x) => {
    let below = 0
    let equal = 0
    for (const r of ref) {
      if (r < x)
        below++
      else if (r === x)
        equal++
    }
    return (below + equal / 2) / ref.length
  }
}

function weightedMean(pairs: Array<[value: number, weight: number]>): number | null {
  const total = pairs.reduce((a, [, w]) => a + w, 0)
  return total > 0 ? pairs.reduce((a, [v, w]) => a + v * w, 0) / total : null
}

export function computeRiskIndex(regions: readonly RegionLeafValues[], configInput: RiskIndexConfigInput = {}, options: RiskIndexOptions = {}): { results: RiskIndexResult[], card: RiskIndexMethodCard } {
  const config = riskIndexConfigSchema.parse(configInput)
  const leaves = options.leaves ?? (config.leafLevel === 'class' ? classLeaves() : subclassLeaves())
  const weighted = leaves.map(l => ({ ...l, weight: config.leafWeights[l.code] ?? 1 }))
  const reference = options.reference ?? { label: 'the regions scored', rows: regions.map(r => r.values) }

  const normalisers = new Map<string, Normaliser | null>()
  const bounds: Record<string, { min: number, max: number } | null> = {}
  const constant: string[] = []
  for (const leaf of weighted) {
    const ref = reference.rows.map(row => row[leaf.code]).filter(finite)
    if (!ref.length) {
      normalisers.set(leaf.code, null)
      bounds[leaf.code] = null
    }
    else if (ref.every(v => v === ref[0])) {
      // Equal everywhere in the reference, the leaf ranks no region above another. Scoring it 0
      // would turn into 1 for a reversed leaf and lift every index by the same amount; it is left out.
      normalisers.set(leaf.code, null)
      bounds[leaf.code] = { min: ref[0]!, max: ref[0]! }
      constant.push(leaf.code)
    }
    else if (config.normalisation === 'minmax') {
      const m = minMax(ref)
      normalisers.set(leaf.code, m.normalise)
      bounds[leaf.code] = m.bounds
    }
    else {
      normalisers.set(leaf.code, percentile(ref))
    }
  }

  const results = regions.map((region): RiskIndexResult => {
    const scores: Record<string, LeafScore> = {}
    const missing: string[] = []
    const byStage = new Map<Stage, Array<[number, number]>>()
    for (const leaf of weighted) {
      const raw = region.values[leaf.code]
      const value = finite(raw) ? raw : null
      const normalise = normalisers.get(leaf.code)
      const normalised = value !== null && normalise ? normalise(value) : null
      const score = normalised === null ? null : leaf.reversed ? 1 - normalised : normalised
      scores[leaf.code] = { value, normalised, score }
      if (leaf.weight === 0)
        continue
      if (score === null) {
        if (value === null || !constant.includes(leaf.code))
          missing.push(leaf.code)
        continue
      }
      byStage.set(leaf.stage, [...(byStage.get(leaf.stage) ?? []), [score, leaf.weight]])
    }
    const stageScores = Object.fromEntries(STAGES.map(s => [s, weightedMean(byStage.get(s) ?? [])])) as Record<Stage, number | null>
    const combined = weightedMean(STAGES.flatMap(s => (stageScores[s] === null ? [] : [[stageScores[s], config.stageWeights[s]] as [number, number]])))
    const index = combined === null ? null : 100 * combined
    return { code: region.code, index, grade: index === null ? null : gradeOf(index, config.thresholds), stageScores, leaves: scores, missing }
  })

  return { results, card: methodCard(config, weighted, reference.label, reference.rows.length, constant, config.normalisation === 'minmax' ? bounds : undefined) }
}

function methodCard(config: RiskIndexConfig, leaves: RiskIndexMethodCard['leaves'], label: string, size: number, constant: string[], bounds?: RiskIndexMethodCard['normalisation']['bounds']): RiskIndexMethodCard {
  const [t1, t2, t3] = config.thresholds
  const edges = [0, t1, t2, t3, 100]
  return {
    name: { zh: '涉稳风险综合指数', en: 'Composite stability-risk index' },
    leafLevel: config.leafLevel,
    leafUnit: 'per 10,000 residents',
    leaves,
    stageWeights: config.stageWeights,
    normalisation: { method: config.normalisation, reference: label, referenceSize: size, constantLeaves: constant, ...(bounds ? { bounds } : {}) },
    combination: 'arithmetic',
    formula: 'I = 100 · Σ_stage W_stage · S_stage / Σ W_stage;  S_stage = Σ v_leaf · s_leaf / Σ v_leaf;  s_leaf = n_leaf, or 1 − n_leaf for a reversed leaf',
    scale: [0, 100],
    thresholds: config.thresholds,
    grades: GRADES.map((grade, i) => ({ grade, from: edges[i]!, to: edges[i + 1]!, ...GRADE_NAMES[grade] })),
    notes: [
      'Leaves are rates per 10,000 residents (smoothed or suppressed as the rate method card says).',
      'Resolution (处置) offsets risk: its leaves are reversed, so more resolution lowers the index.',
      config.normalisation === 'minmax'
        ? 'Min–max over the reference set; values outside it are clamped to [0, 1].'
        : 'Mid-rank percentile of the value among the reference values (ties count half).',
      'A leaf equal everywhere in the reference ranks no region above another and is left out (constantLeaves).',
      'A leaf without a value is left out and its stage averages the rest; a stage without leaves is left out and the weights renormalise.',
      'Thresholds are fixed so that grades stay comparable from month to month.',
    ],
  }
}
