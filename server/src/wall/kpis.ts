import type { Queryable } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { ChangeSummary } from './change-summary.ts'
import type { Kpi } from './schemas.ts'
import { addMonths } from '../analysis/months.ts'
import { firstDataMonth, lastEventAt, regionMonthValues } from '../queries/wall-data.ts'
import { countChange, rateChange } from './change-summary.ts'
import { tileLabel } from './labels.ts'
import { resolutionFormulas, resolutionRate } from './resolution.ts'
import { daysSince } from './shanghai-days.ts'

export interface KpiTile {
  kind: Kpi['kind']
  indicator: string
  label: { zh: string, en: string }
  value: number | null
  unit: 'count' | 'percent' | 'days'
  mom: ChangeSummary | null
  yoy: ChangeSummary | null
  lastEventAt?: string | null
}

interface TileContext {
  catalog: Catalog
  region: string
  month: string
  /** The instant the tiles are as of: now, or the end of a past month. */
  refMs: number
  /** The region's first month with any data: an earlier baseline is "no data", not zero. */
  firstMonth: string | null
}

/** Every tile of a playlist, read from the rollup (and, for days_since, the latest events). */
export async function kpiTiles(q: Queryable, catalog: Catalog, kpis: Kpi[], region: string, month: string, refMs: number): Promise<KpiTile[]> {
  const firstMonth = await firstDataMonth(q, region)
  const ctx: TileContext = { catalog, region, month, refMs, firstMonth }
  const tiles: KpiTile[] = []
  for (const k of kpis)
    tiles.push(await kpiTile(q, ctx, k))
  return tiles
}

async function kpiTile(q: Queryable, ctx: TileContext, k: Kpi): Promise<KpiTile> {
  const label = tileLabel(ctx.catalog, k.kind, k.indicator, k.label)
  const base = { kind: k.kind, indicator: k.indicator, label }
  const prev = addMonths(ctx.month, -1)
  const lastYear = addMonths(ctx.month, -12)
  const hasData = (m: string) => ctx.firstMonth !== null && m >= ctx.firstMonth
  if (k.kind === 'count') {
    const values = await regionMonthValues(q, ctx.region, ctx.catalog.leaves(k.indicator), [ctx.month, prev, lastYear])
    const at = (m: string) => hasData(m) ? values.get(m) ?? 0 : null
    const value = values.get(ctx.month) ?? 0
    const polarity = ctx.catalog.get(k.indicator)?.polarity ?? undefined
    return { ...base, value, unit: 'count', mom: countChange(value, at(prev), polarity), yoy: countChange(value, at(lastYear), polarity) }
  }
  if (k.kind === 'resolution_rate') {
    const f = resolutionFormulas[k.indicator]!
    const closed = await regionMonthValues(q, ctx.region, f.closed, [ctx.month, prev, lastYear])
    const received = await regionMonthValues(q, ctx.region, f.received, [ctx.month, prev, lastYear])
    const rate = (m: string) => hasData(m) ? resolutionRate(closed.get(m) ?? 0, received.get(m) ?? 0) : null
    const value = rate(ctx.month)
    return { ...base, value, unit: 'percent', mom: rateChange(value, rate(prev)), yoy: rateChange(value, rate(lastYear)) }
  }
  const last = await lastEventAt(q, { region: ctx.region, leaves: ctx.catalog.leaves(k.indicator), month: ctx.month, before: new Date(ctx.refMs).toISOString() })
  const value = last === null ? null : daysSince(Date.parse(last), ctx.refMs)
  return { ...base, value, unit: 'days', mom: null, yoy: null, lastEventAt: last }
}
