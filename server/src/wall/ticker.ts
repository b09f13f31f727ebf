import type { Queryable } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import { latestEvents, latestImports } from '../queries/wall-data.ts'
import { indicatorNames } from './labels.ts'

export interface TickerItem {
  kind: 'event' | 'import' | 'warning'
  at: string
  text: { zh: string, en: string }
  indicator?: string
  region?: string
}

const importKinds: Record<string, { zh: string, en: string }> = {
  events: { zh: '事件', en: 'events' },
  values: { zh: '月度数据', en: 'monthly values' },
  demo: { zh: '演示数据', en: 'demo data' },
}

/** The latest events and imports, newest first. `warning` items arrive with issue 7. */
export async function tickerItems(q: Queryable, catalog: Catalog, region: string, limit: number): Promise<TickerItem[]> {
  const geolocated = catalog.leaves('all').filter(code => catalog.get(code)?.geolocated !== false)
  const events = await latestEvents(q, region, geolocated, limit)
  const imports = await latestImports(q, limit)
  const items: TickerItem[] = [
    ...events.map((e) => {
      const n = indicatorNames(catalog, e.indicator)
      return { kind: 'event' as const, at: e.at, text: { zh: `${e.townshipName} ${n.zh}`, en: `${e.townshipName}: ${n.en}` }, indicator: e.indicator, region: e.township }
    }),
    ...imports.map((i) => {
      const k = importKinds[i.kind] ?? { zh: i.kind, en: i.kind }
      const synthetic = i.synthetic ? { zh: '（合成）', en: ' (synthetic)' } : { zh: '', en: '' }
      return { kind: 'import' as const, at: i.at, text: { zh: `导入${k.zh} ${i.rows} 条${synthetic.zh}`, en: `Imported ${i.rows} rows of ${k.en}${synthetic.en}` } }
    }),
  ]
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, limit)
}
