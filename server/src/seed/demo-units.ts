import type { Database } from '../db/database.ts'
import { importUnitsCsv } from '../response/units-import.ts'

/**
 * Synthetic demo response units for 大渡口区 (500104) and 洮北区 (220802, 白城's urban district),
 * placed deterministically (geodata/demo/README.md, "Demo response units"):
 *
 * - one unit at the centre of every township (its centroid, or ST_PointOnSurface when the centroid
 *   falls outside): a police station around the clock for a 街道, a security post 06:00–22:00 for
 *   a town, township or farm;
 * - no unit in 茄子溪街道 (500104004000): the Yangtze bank there is the gap the demo shows;
 * - a round-the-clock patrol team at each urban core (白城 city centre, 大渡口 commercial centre);
 * - two weekday grid workers and a weekend volunteer a little east or west of three centres.
 *
 * They go through the CSV importer (the same validation as any upload, one audit entry) and are
 * then marked synthetic. The planted hot spots ddk-street-night and bc-taobei-street lie inside
 * the patrol teams' 5-minute reach; ddk-yangtze-water and bc-taobei-vice lie outside every unit's.
 */
export const DEMO_UNIT_DISTRICTS = ['500104', '220802']
export const DEMO_UNIT_GAPS = ['500104004000']

interface Extra { name: string, type: string, lon: number, lat: number, staff: number, duty: string }

/** Extra units at fixed positions: the urban cores' patrols. */
export const demoCoreUnits: Extra[] = [
  { name: '白城中心城区巡逻队', type: 'patrol_team', lon: 122.838, lat: 45.622, staff: 8, duty: '' },
  { name: '大渡口商圈巡逻队', type: 'patrol_team', lon: 106.478, lat: 29.481, staff: 8, duty: '' },
]

/** Units offset from a township's centre (degrees of longitude): grid workers and a volunteer. */
export const demoOffsetUnits: Array<{ township: string, dLon: number, name: string, type: string, staff: number, duty: string }> = [
  { township: '500104003000', dLon: 0.004, name: '九宫庙网格员', type: 'grid_worker', staff: 2, duty: '1-5 08:30-17:30' },
  { township: '220802001000', dLon: 0.004, name: '海明网格员', type: 'grid_worker', staff: 2, duty: '1-5 08:30-17:30' },
  { township: '500104005000', dLon: -0.004, name: '春晖路志愿者服务队', type: 'volunteer', staff: 5, duty: '6,7 09:00-17:00' },
]

const csvCell = (s: string) => /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s

/** Seeds the demo units; returns how many. The caller (seedDemo) runs only on an empty database. */
export async function seedDemoUnits(db: Database): Promise<number> {
  const centres = await db.query<{ code: string, name: string, lon: number, lat: number }>(`
    SELECT r.code, r.name, round(ST_X(p)::numeric, 6)::float8 AS lon, round(ST_Y(p)::numeric, 6)::float8 AS lat
    FROM region r
    CROSS JOIN LATERAL (SELECT CASE WHEN ST_Contains(r.geom, ST_Centroid(r.geom)) THEN ST_Centroid(r.geom) ELSE ST_PointOnSurface(r.geom) END AS p) c
    WHERE r.level = 'township' AND r.parent = ANY ($1::text[])
    ORDER BY r.code`, [DEMO_UNIT_DISTRICTS])
  const rows: string[][] = []
  for (const t of centres) {
    if (DEMO_UNIT_GAPS.includes(t.code))
      continue
    const street = t.name.endsWith('街道')
    rows.push([`${t.name}${street ? '派出所' : '治安岗亭'}`, street ? 'police_station' : 'security_post', String(t.lon), String(t.lat), street ? '6' : '2', street ? '' : '06:00-22:00', '(synthetic demo)'])
  }
  for (const u of demoCoreUnits)
    rows.push([u.name, u.type, String(u.lon), String(u.lat), String(u.staff), u.duty, '(synthetic demo)'])
  for (const u of demoOffsetUnits) {
    const c = centres.find(t => t.code === u.township)
    if (c)
      rows.push([u.name, u.type, (c.lon + u.dLon).toFixed(6), String(c.lat), String(u.staff), u.duty, '(synthetic demo)'])
  }
  if (!rows.length)
    return 0
  const csv = ['name,type,lon,lat,staff,duty,contact', ...rows.map(r => r.map(csvCell).join(','))].join('\n')
  const r = await importUnitsCsv(db.transaction, new TextEncoder().encode(csv), 'wgs84', { actor: 'system', scope: '*', requestId: null, filename: 'synthetic demo units' })
  await db.query('UPDATE response_unit SET synthetic = true WHERE id = ANY ($1::bigint[])', [r.ids])
  return r.inserted
}
