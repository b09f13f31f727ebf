import type { ExpressionSpecification } from 'maplibre-gl'

/**
 * One colour per indicator category (the code's first letter: A emerging, B escalation,
 * C intensification, D resolution). Cool, light colours: they stay legible on top of the
 * choropleth's reds and oranges and on the dark background.
 */
export const CATEGORY_COLORS: Readonly<Record<string, string>> = {
  A: '#46d2ff',
  B: '#c9a7ff',
  C: '#a8f25a',
  D: '#f4f6fb',
}
export const OTHER_CATEGORY_COLOR = '#9aa8bf'

/** The category letter of an indicator code (`A2-01` → `A`), or null for anything else. */
export function categoryOf(code: string): string | null {
  const letter = code.charAt(0)
  return letter in CATEGORY_COLORS ? letter : null
}

export function categoryColor(code: string): string {
  const category = categoryOf(code)
  return category ? CATEGORY_COLORS[category]! : OTHER_CATEGORY_COLOR
}

/** `circle-color` by the feature's `indicator` property. */
export function categoryColorExpression(): ExpressionSpecification {
  const pairs = Object.entries(CATEGORY_COLORS).flat()
  return ['match', ['slice', ['to-string', ['get', 'indicator']], 0, 1], ...pairs, OTHER_CATEGORY_COLOR] as unknown as ExpressionSpecification
}

interface TreeNode { code: string, geolocated?: boolean, children?: readonly TreeNode[] }

function anyGeolocated(node: TreeNode): boolean {
  return node.geolocated === true || (node.children ?? []).some(anyGeolocated)
}

/** The catalogue's top-level categories that can appear as points (they hold geolocated sub-classes). */
export function pointCategories<T extends TreeNode>(tree: readonly T[]): T[] {
  return tree.filter(anyGeolocated)
}
