import type { Queryable } from '@riskmap/server/db/database.ts'

/**
 * An md5 over counts, sums and row digests of the data, planning and account tables, read with the
 * owner's rights. audit_log and user_session are left out (failed and successful logins write
 * there), and so is api_token.last_used_at, which every bearer request touches.
 */
export async function databaseChecksum(db: Queryable): Promise<string> {
  const rows = await db.query<{ sum: string }>(`
    SELECT md5(concat_ws('|',
      (SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || md5(coalesce(string_agg(source || '/' || source_id || '/' || township || '/' || indicator || '/' || month, ',' ORDER BY id), '')) FROM event),
      (SELECT count(*) || ':' || coalesce(sum(value), 0) || ':' || md5(coalesce(string_agg(region || '/' || indicator || '/' || month || '/' || value, ',' ORDER BY region, indicator, month), '')) FROM indicator_value),
      (SELECT count(*) || ':' || coalesce(sum(value), 0) FROM rollup),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(code, ',' ORDER BY code), '')) FROM region),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || username || '/' || role || '/' || scope || '/' || disabled || '/' || password_hash, ',' ORDER BY id), '')) FROM app_user),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || kind || '/' || name || '/' || coalesce(scope, '-') || '/' || coalesce(revoked_at::text, '-'), ',' ORDER BY id), '')) FROM api_token),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || status || '/' || version || '/' || md5(ST_AsEWKB(geom)::text), ',' ORDER BY id), '')) FROM listed_hotspot),
      (SELECT count(*) FROM listed_hotspot_transition),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || md5(ST_AsEWKB(geom)::text), ',' ORDER BY id), '')) FROM response_unit),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || md5(ST_AsEWKB(geom)::text), ',' ORDER BY id), '')) FROM water_zone),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || md5(ST_AsEWKB(geom)::text), ',' ORDER BY id), '')) FROM water_asset),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || md5(ST_AsEWKB(geom)::text), ',' ORDER BY id), '')) FROM drone_route),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || md5(ST_AsEWKB(geom)::text), ',' ORDER BY id), '')) FROM patrol_zone),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM patrol_plan),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || md5(kpis::text || scenes::text), ',' ORDER BY id), '')) FROM wall_playlist),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || status, ',' ORDER BY id), '')) FROM supervision_listing),
      (SELECT count(*) FROM supervision_note),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || enabled || '/' || params::text, ',' ORDER BY id), '')) FROM warning_rule),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || status || '/' || md5(evidence::text), ',' ORDER BY id), '')) FROM warning),
      (SELECT count(*) || ':' || md5(coalesce(string_agg(scope || '/' || version || '/' || md5(config::text), ',' ORDER BY scope), '')) FROM risk_index_config),
      (SELECT count(*) FROM road_edge),
      (SELECT count(*) || ':' || coalesce(sum(n), 0) FROM hex_count)
    )) AS sum`)
  return rows[0]!.sum
}
