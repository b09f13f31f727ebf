import type { Database } from '../db/database.ts'
import type { CreateBody } from '../patrol/schemas.ts'
import { createZone } from '../patrol/service.ts'

// Synthetic patrol zones in 大渡口 around the planted street hot spot ddk-street-night
// (geodata/demo/hotspots.ts: 跃进村 evening street incidents; its disc is moved to fit the township,
// centre about 106.4746, 29.4798, radius 500 m). Made up
// for the demo, flagged synthetic; shifts chosen so that some cover the evening peak and some miss it.
const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] })

export const demoPatrolZones: CreateBody[] = [
  {
    name: '跃进村商圈街面巡区（演示）',
    type: 'street',
    team: '跃进村派出所巡逻一组',
    shifts: [{ start: '08:00', end: '16:00' }],
    geometry: rect(106.4700, 29.4765, 106.4790, 29.4830),
  },
  {
    name: '跃进村背街小巷（演示）',
    type: 'back_alley',
    team: '社区网格巡防队',
    shifts: [{ days: [1, 2, 3, 4, 5], start: '18:00', end: '23:00' }, { days: [6, 7], start: '17:00', end: '02:00' }],
    geometry: { type: 'LineString', coordinates: [[106.4712, 29.4775], [106.4735, 29.4790], [106.4752, 29.4802], [106.4770, 29.4818]] },
  },
  {
    name: '跃进村车库仓库片区（演示）',
    type: 'garage_warehouse',
    team: '物业保安队',
    shifts: [{ start: '22:00', end: '06:00' }],
    geometry: rect(106.4765, 29.4840, 106.4805, 29.4870),
  },
  {
    name: '跃进村无人机夜巡航线（演示）',
    type: 'drone_night_route',
    team: '空地一体无人机组',
    shifts: [{ days: [5, 6], start: '20:00', end: '02:00' }],
    geometry: { type: 'LineString', coordinates: [[106.4680, 29.4760], [106.4730, 29.4790], [106.4780, 29.4810], [106.4820, 29.4850]] },
  },
]

/** Loads the demo patrol zones through the same checks as the API, as the system, flagged synthetic. */
export async function seedDemoPatrol(db: Database, log: (msg: string) => void = () => {}): Promise<void> {
  const who = { actor: 'system', scope: '*', requestId: null }
  await db.scoped('*', 'write', async (q) => {
    for (const zone of demoPatrolZones)
      await createZone(q, zone, who, { synthetic: true })
  })
  log(`demo patrol zones: ${demoPatrolZones.length}`)
}
