import type { ViewState } from './url-state.ts'

export interface ScopeNode { code: string, name: string, level: string }
/** A user's region scope: `code` '*' (level 'all') means everything; `path` lists its ancestors. */
export interface Scope extends ScopeNode { path: ScopeNode[] }

type RootView = Pick<ViewState, 'city' | 'level' | 'parent' | 'selected'>

const ancestor = (scope: Scope, level: string) => scope.path.find(n => n.level === level)?.code ?? null

/**
 * The view a user starts from: a city scope shows its districts, a district scope its townships,
 * and a township scope its district's townships with that township selected. Null means the
 * scope does not narrow the map (everything, or a level the map has no root for).
 */
export function scopeRootView(scope: Scope | null): RootView | null {
  if (!scope || scope.code === '*')
    return null
  switch (scope.level) {
    case 'city':
      return { city: scope.code, level: 'district', parent: scope.code, selected: null }
    case 'district':
      return { city: ancestor(scope, 'city'), level: 'township', parent: scope.code, selected: null }
    case 'township': {
      const district = ancestor(scope, 'district')
      return district ? { city: ancestor(scope, 'city'), level: 'township', parent: district, selected: scope.code } : null
    }
    default:
      return null
  }
}

/** Whether the view shows something inside the scope; the breadcrumb and Back cannot leave it. */
export function viewWithinScope(view: ViewState, scope: Scope | null): boolean {
  const root = scopeRootView(scope)
  if (!root)
    return true
  if (scope!.level === 'city')
    return view.city === root.city
  return view.level === 'township' && view.parent === root.parent
}

/** Whether the breadcrumb may go up from a township view to the city's districts. */
export function canLeaveDistrict(scope: Scope | null): boolean {
  const root = scopeRootView(scope)
  return !root || root.level === 'district'
}

/**
 * The cities the breadcrumb may offer: all of them, or only the scope's own. A district scope
 * cannot read its city's row, so the catalogue may lack it; the scope's path names it then.
 */
export function citiesInScope(cities: readonly { code: string, name: string }[], scope: Scope | null): { code: string, name: string }[] {
  const root = scopeRootView(scope)
  if (!root?.city)
    return [...cities]
  const own = cities.filter(c => c.code === root.city)
  const fromPath = scope!.path.find(n => n.code === root.city)
  return own.length || !fromPath ? own : [{ code: fromPath.code, name: fromPath.name }]
}

/** Tokens and users may carry their scope as an object or as a bare code. */
export function scopeCodeOf(scope: Scope | string | null | undefined): string {
  return typeof scope === 'string' ? scope : scope?.code ?? '*'
}

/** The scope's name, or its code when only the code is known; null for everything ('*'). */
export function scopeNameOf(scope: Scope | string | null | undefined): string | null {
  const code = scopeCodeOf(scope)
  if (code === '*')
    return null
  return typeof scope === 'string' ? scope : `${scope!.name} (${code})`
}
