import type { ReachMethod } from '../api/units-api.ts'
import type { ReachMinutes } from './coverage-state.ts'

/** The reach areas by minutes: 1 self-rescue 自救, 3 mutual aid 互救, 5 reinforcement 增援. */
export const REACH_COLORS: Record<ReachMinutes, string> = { 1: '#3ddc84', 3: '#ffd54a', 5: '#4aa8ff' }

/**
 * The i18n key of the method line under the reach legend: a known method kind has its own words
 * (`speed`: straight-line distance, no road network loaded); anything else shows the server's note.
 */
export function reachMethodKey(method: Pick<ReachMethod, 'kind'> | { kind: string }): string | null {
  return ['speed', 'network'].includes(method.kind) ? `units.reach.method.${method.kind}` : null
}
