import type { Polarity } from '../catalog/indicator-catalog.ts'
import type { Catalog, IndicatorNode } from '../domain/catalog.ts'

export interface IndicatorColumn {
  code: string
  kind: 'total' | 'category' | 'class'
  name: { zh: string, en: string }
  /** The category of a class; null for the total and the categories. */
  parent: string | null
  /** Shared by every sub-class below, else null (then no change is called worsening). */
  polarity: Polarity | null
  leaves: string[]
}

/** The rows of a comparison table: the total, then each category followed by its classes. */
export function indicatorColumns(catalog: Catalog): IndicatorColumn[] {
  const polarity = (leaves: string[]): Polarity | null => {
    const set = new Set(leaves.map(l => catalog.get(l)?.polarity ?? null))
    return set.size === 1 ? [...set][0]! : null
  }
  const column = (node: IndicatorNode, kind: 'category' | 'class', parent: string | null): IndicatorColumn => {
    const leaves = catalog.leaves(node.code)
    return { code: node.code, kind, name: node.name, parent, polarity: polarity(leaves), leaves }
  }
  const all = catalog.leaves('all')
  return [
    { code: 'all', kind: 'total', name: { zh: '全部', en: 'All' }, parent: null, polarity: polarity(all), leaves: all },
    ...catalog.tree.flatMap(cat => [
      column(cat, 'category', null),
      ...(cat.children ?? []).map(cls => column(cls, 'class', cat.code)),
    ]),
  ]
}
