import type { UnitType } from '../api/units-api.ts'

/** The kinds of response unit, in the server's order (server/src/response/unit-types.ts). */
export const UNIT_TYPES = ['security_post', 'property_management', 'grid_worker', 'patrol_team', 'police_station', 'volunteer'] as const satisfies readonly UnitType[]

/** One distinct colour per type, readable on the dark map and on the reach fills. */
export const UNIT_TYPE_COLORS: Record<UnitType, string> = {
  security_post: '#38e1ff',
  property_management: '#b48cff',
  grid_worker: '#7ee081',
  patrol_team: '#ffb547',
  police_station: '#4d8dff',
  volunteer: '#ff7eb6',
}

export function isUnitType(value: unknown): value is UnitType {
  return UNIT_TYPES.includes(value as UnitType)
}
