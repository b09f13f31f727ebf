import type { IndicatorNode } from '../api/client.ts'

/** Find a node by code anywhere in the tree. */
export function findIndicator(tree: readonly IndicatorNode[], code: string): IndicatorNode | null {
  for (const node of tree) {
    if (node.code === code)
      return node
    const hit = findIndicator(node.children ?? [], code)
    if (hit)
      return hit
  }
  return null
}

/** Codes from the root down to `code` (inclusive), for expanding the picker to the selection. */
export function indicatorPath(tree: readonly IndicatorNode[], code: string): string[] {
  for (const node of tree) {
    if (node.code === code)
      return [code]
    const rest = indicatorPath(node.children ?? [], code)
    if (rest.length)
      return [node.code, ...rest]
  }
  return []
}
