import type { Database } from '../db/database.ts'
import { demoDroneRoutes, demoWaterAssets, demoWaterZones } from '@riskmap/geodata/demo/water.ts'

/**
 * Seeds the synthetic drowning-prevention data for 大渡口区 (geodata/demo/water.ts): the
 * approximate Yangtze channel, ponds and a reservoir, assets along the bank with deliberate gaps,
 * and two drone routes. Written as the owner, placed by the same water_placement() the API uses,
 * marked synthetic, with one audit entry. The caller (seedDemo) runs only on an empty database.
 */
export async function seedDemoWater(db: Database): Promise<{ zones: number, assets: number, routes: number }> {
  return db.transaction(async (q) => {
    const place = `(SELECT p FROM water_placement(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) p)`
    const zones: number[] = []
    for (const z of demoWaterZones()) {
      const r = await q.query<{ id: number }>(`
        INSERT INTO water_zone (name, kind, danger, approximate, source_note, synthetic, geom, region, townships, created_by, updated_by)
        SELECT $2, $3, $4, $5, $6, true, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), (p).region, (p).townships, 'system', 'system' FROM ${place} s
        RETURNING id`, [JSON.stringify(z.geometry), z.name, z.kind, z.danger, z.approximate, z.sourceNote])
      zones.push(r.rows[0]!.id)
    }
    const assets: number[] = []
    for (const a of demoWaterAssets()) {
      const r = await q.query<{ id: number }>(`
        INSERT INTO water_asset (name, type, note, synthetic, geom, region, townships, created_by, updated_by)
        SELECT $2, $3, '(synthetic demo)', true, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), (p).region, (p).townships, 'system', 'system' FROM ${place} s
        RETURNING id`, [JSON.stringify({ type: 'Point', coordinates: [a.lon, a.lat] }), a.name, a.type])
      assets.push(r.rows[0]!.id)
    }
    const routes: number[] = []
    for (const d of demoDroneRoutes()) {
      const r = await q.query<{ id: number }>(`
        INSERT INTO drone_route (name, drone, max_flight_m, synthetic, geom, region, townships, created_by, updated_by)
        SELECT $2, $3, $4, true, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), (p).region, (p).townships, 'system', 'system' FROM ${place} s
        RETURNING id`, [JSON.stringify(d.geometry), d.name, d.drone, d.maxFlightM])
      routes.push(r.rows[0]!.id)
    }
    await q.query(`
      INSERT INTO audit_log (actor, action, entity, entity_id, before, after, request_id, scope)
      VALUES ('system', 'seed.demo_water', 'water', NULL, NULL, $1, NULL, '*')`, [JSON.stringify({ zones, assets, routes })])
    return { zones: zones.length, assets: assets.length, routes: routes.length }
  })
}
