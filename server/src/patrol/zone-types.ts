/** The kinds of patrol zone, with their Chinese names. A drone night route is always a line. */
export const zoneTypes = ['street', 'back_alley', 'garage_warehouse', 'drone_night_route'] as const
export type ZoneType = (typeof zoneTypes)[number]

export const zoneTypeLabels: Record<ZoneType, string> = {
  street: '街面',
  back_alley: '背街小巷',
  garage_warehouse: '车库仓库',
  drone_night_route: '无人机夜巡航线',
}

/** The geometry types a zone of this type may have. */
export function allowedGeometries(type: ZoneType): ReadonlyArray<'Polygon' | 'LineString'> {
  return type === 'drone_night_route' ? ['LineString'] : ['Polygon', 'LineString']
}
