import type { IndicatorNode } from '../api/client.ts'

export interface SubclassOption { code: string, zh: string, en: string, parent: string, retired: boolean }

/** Every sub-class in the catalogue, in tree order: the problem types a hotspot can name. */
export function subclassOptions(tree: readonly IndicatorNode[], parent = ''): SubclassOption[] {
  return tree.flatMap((node) => {
    if (node.kind === 'subclass')
      return [{ code: node.code, zh: node.name.zh, en: node.name.en, parent, retired: node.retired === true }]
    return subclassOptions(node.children ?? [], node.code)
  })
}

/**
 * The options to offer: those whose code or either name contains the text (case-insensitive).
 * Retired codes are offered only when already chosen (an old hotspot keeps its codes).
 */
export function filterOptions(options: readonly SubclassOption[], text: string, chosen: readonly string[] = []): SubclassOption[] {
  const q = text.trim().toLowerCase()
  return options.filter(o => (!o.retired || chosen.includes(o.code))
    && (!q || o.code.toLowerCase().includes(q) || o.zh.includes(q) || o.en.toLowerCase().includes(q)))
}
