import type { Database } from '../db/database.ts'
import type { IndicatorRow } from '../queries/indicators.ts'
import { currentCatalogVersion, listIndicators } from '../queries/indicators.ts'

export interface IndicatorNode {
  code: string
  kind: IndicatorRow['kind']
  name: { zh: string, en: string }
  stage: IndicatorRow['stage']
  department?: { zh: string, en: string }
  polarity?: 'rise_bad' | 'rise_good'
  geolocated?: boolean
  retired?: boolean
  replaces?: string[]
  children?: IndicatorNode[]
}

/**
 * The catalog held in memory: it is the whitelist every indicator parameter is checked against,
 * and it expands a category or class into the sub-class codes the rollup is keyed by.
 */
export interface Catalog {
  version: number
  tree: IndicatorNode[]
  has: (code: string) => boolean
  get: (code: string) => IndicatorRow | undefined
  isSubclass: (code: string) => boolean
  /** Sub-class codes under `code` ('all' = every one), plus the older codes they replace. */
  leaves: (code: string) => string[]
}

export async function loadCatalog(db: Database): Promise<Catalog> {
  const rows = await listIndicators(db)
  const version = await currentCatalogVersion(db)
  return buildCatalog(rows, version)
}

export function buildCatalog(rows: IndicatorRow[], version: number): Catalog {
  const byCode = new Map(rows.map(r => [r.code, r]))
  const children = new Map<string, IndicatorRow[]>()
  for (const r of rows) {
    if (r.parent)
      children.set(r.parent, [...(children.get(r.parent) ?? []), r])
  }
  const toNode = (r: IndicatorRow): IndicatorNode => {
    const kids = children.get(r.code)
    return {
      code: r.code,
      kind: r.kind,
      name: { zh: r.nameZh, en: r.nameEn },
      stage: r.stage,
      ...(r.departmentZh ? { department: { zh: r.departmentZh, en: r.departmentEn ?? r.departmentZh } } : {}),
      ...(r.polarity ? { polarity: r.polarity } : {}),
      ...(r.geolocated !== null ? { geolocated: r.geolocated } : {}),
      ...(r.versionRetired ? { retired: true } : {}),
      ...(r.replaces.length ? { replaces: r.replaces } : {}),
      ...(kids ? { children: kids.map(toNode) } : {}),
    }
  }
  const leafCache = new Map<string, string[]>()
  const withLineage = (code: string, seen = new Set<string>()): string[] => {
    if (seen.has(code))
      return []
    seen.add(code)
    return [code, ...(byCode.get(code)?.replaces ?? []).flatMap(old => withLineage(old, seen))]
  }
  const collect = (code: string): string[] => {
    const row = byCode.get(code)
    if (!row)
      return []
    if (row.kind === 'subclass')
      return withLineage(code)
    return (children.get(code) ?? []).flatMap(c => collect(c.code))
  }
  return {
    version,
    tree: rows.filter(r => r.kind === 'category').map(toNode),
    has: code => code === 'all' || byCode.has(code),
    get: code => byCode.get(code),
    isSubclass: code => byCode.get(code)?.kind === 'subclass',
    leaves(code) {
      let hit = leafCache.get(code)
      if (!hit) {
        const roots = code === 'all' ? rows.filter(r => r.kind === 'category').map(r => r.code) : [code]
        hit = [...new Set(roots.flatMap(collect))].sort()
        leafCache.set(code, hit)
      }
      return hit
    },
  }
}
