/** The kinds of response unit (最小处置单元), with the Chinese names a CSV may use instead of the code. */
export const unitTypes = ['security_post', 'property_management', 'grid_worker', 'patrol_team', 'police_station', 'volunteer'] as const
export type UnitType = (typeof unitTypes)[number]

export const unitTypeLabels: Record<UnitType, string> = {
  security_post: '治安岗亭',
  property_management: '物业',
  grid_worker: '网格员',
  patrol_team: '巡逻队',
  police_station: '派出所',
  volunteer: '志愿者',
}

/** A type given as its code or its Chinese name; undefined when it is neither. */
export function unitTypeOf(text: string): UnitType | undefined {
  const t = text.trim()
  return unitTypes.find(u => u === t.toLowerCase() || unitTypeLabels[u] === t)
}
