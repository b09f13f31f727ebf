import type { Database } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { CreateBody, Scene } from '../wall/schemas.ts'
import { playlistCount } from '../queries/wall-playlists.ts'
import { createPlaylist } from '../wall/service.ts'

// Demo playlists for the wall (大屏), one per demo city, flagged synthetic like the data they show.
function scene(s: Partial<Scene> & Pick<Scene, 'layer' | 'indicator' | 'level'>): Scene {
  return { kind: 'map', region: null, period: { months: 1 }, camera: null, ...s }
}

export const demoPlaylists: CreateBody[] = [
  {
    name: '白城市综合态势（演示）',
    intervalS: 30,
    region: '220800',
    kpis: [
      { kind: 'count', indicator: 'A', label: { zh: '本月三级风险事件', en: 'Level-3 risk events this month' } },
      { kind: 'count', indicator: 'A2', label: { zh: '本月110警情', en: '110 calls this month' } },
      { kind: 'resolution_rate', indicator: 'D1', label: { zh: '综治中心按期办结率', en: 'Governance centre on-time rate' } },
      { kind: 'days_since', indicator: 'C2', label: { zh: '距上次刑事案件（天）', en: 'Days since the last criminal case' } },
    ],
    scenes: [
      scene({ title: { zh: '各县区风险总量', en: 'Risk by district' }, layer: 'choropleth', indicator: 'all', level: 'district' }),
      scene({ title: { zh: '洮北区街道警情', en: 'Police calls in 洮北区' }, layer: 'choropleth', indicator: 'A2', region: '220802', level: 'township' }),
      scene({ title: { zh: '近三月热力', en: 'Heat over three months' }, layer: 'heatmap', indicator: 'A', level: 'township', period: { months: 3 } }),
      scene({ kind: 'tour', title: { zh: '本月显著变化', en: 'Significant changes this month' }, layer: 'choropleth', indicator: 'all', level: 'township' }),
    ],
  },
  {
    name: '大渡口区平安态势（演示）',
    intervalS: 25,
    region: '500104',
    kpis: [
      { kind: 'count', indicator: 'A2', label: { zh: '本月110警情', en: '110 calls this month' } },
      { kind: 'count', indicator: 'A2-01', label: { zh: '本月涉水警情', en: 'Water incidents this month' } },
      { kind: 'resolution_rate', indicator: 'D1', label: { zh: '综治中心按期办结率', en: 'Governance centre on-time rate' } },
      { kind: 'days_since', indicator: 'A2-01', label: { zh: '距上次涉水警情（天）', en: 'Days since the last water incident' } },
    ],
    scenes: [
      scene({ title: { zh: '各街镇风险总量', en: 'Risk by township' }, layer: 'choropleth', indicator: 'all', level: 'township' }),
      scene({ title: { zh: '警情点位', en: 'Police call points' }, layer: 'points', indicator: 'A2', level: 'township' }),
      scene({ title: { zh: '六边形聚合', en: 'Hex bins' }, layer: 'hexbins', indicator: 'A', level: 'township', period: { months: 3 } }),
      scene({ title: { zh: '长江岸线防溺水', en: 'Drowning prevention on the Yangtze' }, layer: 'water', indicator: 'A2-01', level: 'township', period: { months: 12 } }),
      scene({ kind: 'tour', title: { zh: '本月显著变化', en: 'Significant changes this month' }, layer: 'choropleth', indicator: 'A2', level: 'township' }),
    ],
  },
]

/** Loads the demo playlists through the same checks as the API, as the system, when none exist. */
export async function seedDemoWall(db: Database, catalog: Catalog): Promise<number> {
  if (await playlistCount(db) > 0)
    return 0
  const who = { actor: 'system', scope: '*', requestId: null }
  await db.scoped('*', 'write', async (q) => {
    for (const p of demoPlaylists)
      await createPlaylist(q, catalog, p, who, { synthetic: true })
  })
  return demoPlaylists.length
}
