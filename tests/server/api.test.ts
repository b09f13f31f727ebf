import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helpers/server-app.ts'
import { usingServer } from '../helpers/test-db.ts'

const ctx = useTestApp()

describe('health and catalog', () => {
  it('reports the database kind and PostGIS', async () => {
    const { status, body } = await ctx.get('/api/health')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ok', database: usingServer ? 'server' : 'embedded' })
    expect(body.postgis).toMatch(/^3\./)
  })

  it('serves the catalog as a tree of 4 → 10 → 101, split 22/23/16/40', async () => {
    const { body } = await ctx.get('/api/indicators')
    expect(body.tree.map((c: any) => c.stage)).toEqual(['emerging', 'escalation', 'intensification', 'resolution'])
    const classes = body.tree.flatMap((c: any) => c.children)
    expect(classes).toHaveLength(10)
    const perCategory = body.tree.map((c: any) => c.children.flatMap((k: any) => k.children).length)
    expect(perCategory).toEqual([22, 23, 16, 40])
    for (const k of classes) {
      expect(k.department.zh).toBeTruthy()
      for (const s of k.children) {
        expect(['rise_bad', 'rise_good']).toContain(s.polarity)
        expect(s.name.zh && s.name.en).toBeTruthy()
      }
    }
    const codes = classes.flatMap((k: any) => k.children.map((s: any) => s.code))
    expect(new Set(codes).size).toBe(101)
  })
})

describe('regions', () => {
  it('lists 大渡口\'s 8 townships, approximate, with code as feature id', async () => {
    const { status, body } = await ctx.get('/api/regions?level=township&parent=500104')
    expect(status).toBe(200)
    expect(body.type).toBe('FeatureCollection')
    expect(body.features.map((f: any) => f.id)).toEqual([
      '500104001000',
      '500104002000',
      '500104003000',
      '500104004000',
      '500104005000',
      '500104101000',
      '500104102000',
      '500104103000',
    ])
    const f = body.features[0]
    expect(f.properties).toMatchObject({ code: '500104001000', name: '新山村街道', level: 'township', parent: '500104', approximate: true })
    expect(f.geometry.type).toBe('MultiPolygon')
  })

  it('lists 白城\'s five county-level units', async () => {
    const { body } = await ctx.get('/api/regions?level=district&parent=220800')
    expect(body.features.map((f: any) => f.properties.name)).toEqual(['洮北区', '镇赉县', '通榆县', '洮南市', '大安市'])
    const towns = await Promise.all(['220802', '220821', '220822', '220881', '220882'].map(c => ctx.get(`/api/regions?level=township&parent=${c}`)))
    expect(towns.map(t => t.body.features.length)).toEqual([25, 18, 22, 25, 33])
  })

  it('stores valid, indexed geometry and a simplified display copy', async () => {
    const rows = await ctx.t.db.query<{ invalid: number, display_larger: number }>(`
      SELECT count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS invalid,
             count(*) FILTER (WHERE ST_NPoints(geom_display) > ST_NPoints(geom))::int AS display_larger
      FROM region`)
    expect(rows[0]).toEqual({ invalid: 0, display_larger: 0 })
  })

  it('answers 400 for a bad parameter and 404 for an unknown code', async () => {
    expect((await ctx.get('/api/regions?level=province')).status).toBe(400)
    const unknown = await ctx.get('/api/regions?level=township&parent=999999')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('unknown_region')
    const inj = await ctx.get(`/api/regions?level=township&parent=${encodeURIComponent('500104\' OR 1=1--')}`)
    expect(inj.status).toBe(400)
    expect(inj.body.error.message).toMatch(/parent/)
  })
})

describe('choropleth parameters', () => {
  const base = '/api/choropleth?level=township&parent=500104&period=2026-01'
  it.each([
    ['period=2026-13', 'period'],
    ['period=26-01', 'period'],
    ['k=2', 'k'],
    ['k=10', 'k'],
    ['classify=natural', 'classify'],
    ['normalize=per100', 'normalize'],
    ['compare=qoq', 'compare'],
    ['to=2025-12', 'to'],
    ['to=2030-01', 'to'],
    ['level=city', 'level'],
    ['indicator=a1;drop', 'indicator'],
  ])('%s → 400 naming %s', async (param, name) => {
    const key = param.split('=')[0]!
    const url = base.includes(`${key}=`) ? base.replace(new RegExp(`${key}=[^&]*`), param) : `${base}&${param}`
    const { status, body } = await ctx.get(url)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_parameter')
    expect(body.error.message).toContain(name)
  })

  it('unknown indicator or region → 404', async () => {
    expect((await ctx.get(`${base}&indicator=Z9-99`)).status).toBe(404)
    expect((await ctx.get('/api/choropleth?level=township&parent=500199&period=2026-01')).status).toBe(404)
  })

  it('a parent at the wrong level is explained', async () => {
    const { status, body } = await ctx.get('/api/choropleth?level=township&parent=220800&period=2026-01')
    expect(status).toBe(400)
    expect(body.error.message).toMatch(/city; its children are district/)
  })

  it('unknown endpoints answer 404 in the error shape', async () => {
    const { status, body } = await ctx.get('/api/nothing-here')
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })
})
