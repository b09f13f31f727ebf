import type { PoolClient } from 'pg'
import type { Database } from '../db/database.ts'

export interface IndicatorRow {
  code: string
  kind: 'category' | 'class' | 'subclass'
  parent: string | null
  nameZh: string
  nameEn: string
  stage: 'emerging' | 'escalation' | 'intensification' | 'resolution'
  departmentZh: string | null
  departmentEn: string | null
  polarity: 'rise_bad' | 'rise_good' | null
  geolocated: boolean | null
  versionAdded: number
  versionRetired: number | null
  replaces: string[]
}

export async function listIndicators(db: Database): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(`
    SELECT i.code, i.kind, i.parent, i.name_zh AS "nameZh", i.name_en AS "nameEn", i.stage,
           i.department_zh AS "departmentZh", i.department_en AS "departmentEn", i.polarity, i.geolocated,
           i.version_added AS "versionAdded", i.version_retired AS "versionRetired",
           coalesce(array_agg(l.replaces ORDER BY l.replaces) FILTER (WHERE l.replaces IS NOT NULL), '{}') AS replaces
    FROM indicator i LEFT JOIN indicator_lineage l ON l.code = i.code
    GROUP BY i.code
    ORDER BY i.sort`)
}

export async function currentCatalogVersion(db: Database): Promise<number> {
  const rows = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM catalog_version')
  return rows[0]?.v ?? 0
}

export interface IndicatorUpsert {
  code: string
  kind: IndicatorRow['kind']
  parent: string | null
  nameZh: string
  nameEn: string
  stage: IndicatorRow['stage']
  departmentZh: string | null
  departmentEn: string | null
  polarity: IndicatorRow['polarity']
  geolocated: boolean | null
  sort: number
  version: number
}

export async function upsertIndicator(client: PoolClient, i: IndicatorUpsert): Promise<void> {
  await client.query(`
    INSERT INTO indicator (code, kind, parent, name_zh, name_en, stage, department_zh, department_en,
                           polarity, geolocated, sort, version_added)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
    ON CONFLICT (code) DO UPDATE SET
      name_zh = excluded.name_zh, name_en = excluded.name_en, department_zh = excluded.department_zh,
      department_en = excluded.department_en, polarity = excluded.polarity,
      geolocated = excluded.geolocated, sort = excluded.sort, version_retired = NULL`, [
    i.code,
    i.kind,
    i.parent,
    i.nameZh,
    i.nameEn,
    i.stage,
    i.departmentZh,
    i.departmentEn,
    i.polarity,
    i.geolocated,
    i.sort,
    i.version,
  ])
}
