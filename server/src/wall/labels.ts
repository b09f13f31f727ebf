import type { Catalog } from '../domain/catalog.ts'

export interface Names { zh: string, en: string }

/** An indicator's names from the catalog; 'all' is every indicator. */
export function indicatorNames(catalog: Catalog, code: string): Names {
  if (code === 'all')
    return { zh: '全部指标', en: 'All indicators' }
  const row = catalog.get(code)
  return row ? { zh: row.nameZh, en: row.nameEn } : { zh: code, en: code }
}

/** A tile's label: the playlist's own, else one built from the indicator's names. */
export function tileLabel(catalog: Catalog, kind: 'count' | 'resolution_rate' | 'days_since', code: string, own?: { zh: string, en?: string | undefined }): Names {
  const n = indicatorNames(catalog, code)
  const built = kind === 'count'
    ? { zh: `本月${n.zh}`, en: `${n.en} this month` }
    : kind === 'resolution_rate'
      ? { zh: `${n.zh}办结率`, en: `${n.en}: resolution rate` }
      : { zh: `距上次${n.zh}`, en: `Days since the last ${n.en.toLowerCase()}` }
  return own ? { zh: own.zh, en: own.en ?? built.en } : built
}
