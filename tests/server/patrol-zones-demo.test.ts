import { resolveHotspots } from '@riskmap/geodata/demo/index.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { demoPatrolZones, seedDemoPatrol } from '@riskmap/server/seed/demo-patrol.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCaller } from '../helpers/http-client.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const api = adminCaller(ctx, '/api/patrol-zones')

beforeAll(async () => {
  await seedDemoPatrol(ctx.t.db)
})

describe('the demo patrol zones', () => {
  it('are loaded through the API checks, one of each type, flagged synthetic, in 大渡口', async () => {
    const list = await api('GET', '')
    const zones = list.body.features.filter((f: any) => f.properties.synthetic)
    expect(zones).toHaveLength(demoPatrolZones.length)
    expect(new Set(zones.map((f: any) => f.properties.type))).toEqual(new Set(['street', 'back_alley', 'garage_warehouse', 'drone_night_route']))
    for (const z of zones) {
      expect(z.properties.region.startsWith('500104'), z.properties.name).toBe(true)
      expect(z.properties.name).toMatch(/演示/)
    }
    const audit = await ctx.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'patrol_zone.create' AND actor = 'system'`)
    expect(audit[0]!.n).toBe(demoPatrolZones.length)
  })

  it('put the street zone over the planted street hot spot ddk-street-night', async () => {
    const spot = resolveHotspots(loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry }))).find(h => h.id === 'ddk-street-night')!
    const street = (await api('GET', '?type=street')).body.features.find((f: any) => f.properties.synthetic)
    const [row] = await ctx.t.db.query<{ inside: boolean }>(`SELECT ST_Contains(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS inside FROM patrol_zone WHERE id = $1`, [street.id, spot.centre[0], spot.centre[1]])
    expect(row!.inside).toBe(true)
  })
})
