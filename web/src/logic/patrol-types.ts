/** Patrol-zone types (server/src/patrol/zone-types.ts), their map colours, and their shapes. */
export const PATROL_TYPES = ['street', 'back_alley', 'garage_warehouse', 'drone_night_route'] as const
export type PatrolTypeCode = (typeof PATROL_TYPES)[number]

/** Colours that stay apart from the choropleth's reds and the listed-hotspot statuses. */
export const PATROL_COLORS: Record<PatrolTypeCode, string> = {
  street: '#4fc3f7',
  back_alley: '#ffd54f',
  garage_warehouse: '#a1887f',
  drone_night_route: '#e040fb',
}

/** A drone night route is always a line; the other types may be an area or a line. */
export function allowedShapes(type: PatrolTypeCode): Array<'Polygon' | 'LineString'> {
  return type === 'drone_night_route' ? ['LineString'] : ['Polygon', 'LineString']
}
