import type { ViewState } from './url-state.ts'

/** The 1-3-5 reach a new post must give. */
export const PLAN_MINUTES = [1, 3, 5] as const
export type PlanMinutes = (typeof PLAN_MINUTES)[number]
/** Candidate hexagon sizes (edge length, metres). */
export const PLAN_CELL_SIZES = [250, 500] as const
export type PlanCellSize = (typeof PLAN_CELL_SIZES)[number]
export const PLAN_MONTHS = [1, 3, 6, 12] as const
export const PLAN_K_MAX = 20

export interface PlanParams {
  k: number
  minutes: PlanMinutes
  months: number
  cellSize: PlanCellSize
}

export const DEFAULT_PLAN_PARAMS: Readonly<PlanParams> = { k: 3, minutes: 3, months: 6, cellSize: 250 }

/** k as typed, clamped to 1–20 whole posts (NaN falls back to the default). */
export function clampK(value: number): number {
  if (!Number.isFinite(value))
    return DEFAULT_PLAN_PARAMS.k
  return Math.min(PLAN_K_MAX, Math.max(1, Math.round(value)))
}

/** The solve request for a region: the view's month ends the period, its indicator filters the events. */
export function solveRequest(p: PlanParams, region: string, view: Pick<ViewState, 'period' | 'to' | 'indicator'>) {
  const to = view.to ?? view.period
  return {
    region,
    k: clampK(p.k),
    minutes: p.minutes,
    months: p.months,
    cellSize: p.cellSize,
    indicator: view.indicator,
    ...(to ? { to } : {}),
  }
}
