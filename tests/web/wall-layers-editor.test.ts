import type { WallPlaylist } from '../../web/src/api/wall-api.ts'
import { describe, expect, it } from 'vitest'
import { blankDraft, bodyFrom, cameraFromLink, draftFrom, moveItem } from '../../web/src/logic/wall-editor.ts'
import { wallLegend } from '../../web/src/logic/wall-legend.ts'
import { forTheWall, isWallOverlay, overlayBefore, overlayLayers, overlaySources } from '../../web/src/logic/wall-overlays.ts'

const playlist = {
  id: 3,
  name: '大屏 "测试"; $x',
  intervalS: 20,
  region: '500104',
  kpis: [{ kind: 'count', indicator: 'A2', label: { zh: '警情' } }],
  scenes: [
    { kind: 'map', layer: 'gistar', indicator: 'A', region: null, level: 'township', period: { months: 3 }, camera: null },
    { kind: 'tour', title: { zh: '导览', en: 'Tour' }, layer: 'choropleth', indicator: 'all', region: '500104003', level: 'township', period: { months: 1 }, camera: { center: [106.48, 29.47], zoom: 11.5, bearing: 10 }, durationS: 40 },
  ],
  version: 2,
  updatedAt: '2026-12-05T00:00:00Z',
  synthetic: false,
} as unknown as WallPlaylist

describe('wall overlays', () => {
  it('draws each overlay from its own sources, hex cells under the region outlines', () => {
    expect(['gistar', 'blindspots', 'patrol', 'water'].every(l => isWallOverlay(l as never))).toBe(true)
    expect(isWallOverlay('choropleth')).toBe(false)
    expect(overlayLayers({ layer: 'gistar' }).map(l => l.id)).toEqual(['gistar-fill', 'gistar-outline'])
    expect(overlayLayers({ layer: 'patrol' }).map(l => l.id)).toEqual(['patrol-fill', 'patrol-outline', 'patrol-routes', 'patrol-drone-routes'])
    expect(overlayLayers({ layer: 'water' }).every(l => 'source' in l && overlaySources('water').includes(l.source as string))).toBe(true)
    expect(overlayLayers({ layer: 'blindspots', breaks: [3, 5, 8, 12] }).every(l => 'source' in l && l.source === 'blind-spots')).toBe(true)
    expect(overlayBefore('gistar')).toBe('regions-outline')
    expect(overlayBefore('water')).toBeUndefined()
  })

  it('makes lines and dots heavier for the wall, leaving zoom curves alone', () => {
    const line = forTheWall({ id: 'l', type: 'line', source: 's', paint: { 'line-width': 3 } })
    expect(line.paint).toMatchObject({ 'line-width': 6 })
    const byData = forTheWall({ id: 'l', type: 'line', source: 's', paint: { 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, 3] } })
    expect((byData.paint as Record<string, unknown>)['line-width']).toEqual(['*', 2, ['case', ['boolean', ['feature-state', 'selected'], false], 5, 3]])
    const zoomed = ['interpolate', ['linear'], ['zoom'], 9, 0, 12, 0.6]
    expect((forTheWall({ id: 'l', type: 'line', source: 's', paint: { 'line-width': zoomed as never } }).paint as Record<string, unknown>)['line-width']).toEqual(zoomed)
    const dot = forTheWall({ id: 'c', type: 'circle', source: 's', paint: { 'circle-radius': 6 } })
    expect(dot.paint).toMatchObject({ 'circle-radius': 12, 'circle-stroke-width': 2 })
  })
})

describe('wall legend', () => {
  const base = { indicator: 'A', breaks: [], noData: false, hexCounts: [], overlay: null }
  it('lists the seven Gi* classes, hot first', () => {
    const legend = wallLegend({ ...base, layer: 'gistar' })
    expect(legend.items).toHaveLength(7)
    expect(legend.items[0]).toMatchObject({ color: '#d62f27', label: { key: 'hotspots.gistar.bins.hot99' } })
  })
  it('gives blind-spot classes from the breaks, worst first, the top one open-ended', () => {
    const legend = wallLegend({ ...base, layer: 'blindspots', overlay: { layer: 'blindspots', breaks: [3, 5, 8, 12] } })
    expect(legend.items.map(i => i.label)).toEqual([
      { key: 'wall.legend.atLeast', params: { value: 12 } },
      { key: 'wall.legend.range', params: { from: '8', to: '11' } },
      { key: 'wall.legend.range', params: { from: '5', to: '7' } },
      { key: 'wall.legend.range', params: { from: '3', to: '4' } },
    ])
    expect(wallLegend({ ...base, layer: 'blindspots' }).items).toEqual([])
  })
  it('patrol by type (drone routes dashed), water by danger, shore and asset', () => {
    const patrol = wallLegend({ ...base, layer: 'patrol' })
    expect(patrol.items.find(i => i.label && 'key' in i.label && i.label.key === 'patrol.type.drone_night_route')?.shape).toBe('dash')
    const water = wallLegend({ ...base, layer: 'water' })
    expect(water.items[0]).toMatchObject({ shape: 'fill', label: { key: 'wall.legend.danger', params: { level: { key: 'water.danger.3' } } } })
    expect(water.items.filter(i => i.shape === 'dot')).toHaveLength(4)
  })
  it('the choropleth legend has the classes, highest first, and no-data only when some region has none', () => {
    const legend = wallLegend({ ...base, layer: 'choropleth', breaks: [0, 10, 20], noData: true })
    expect(legend.items.map(i => i.label)).toEqual([
      { key: 'wall.legend.range', params: { from: '10', to: '20' } },
      { key: 'wall.legend.range', params: { from: '0', to: '10' } },
      { key: 'wall.legend.noData' },
    ])
    expect(wallLegend({ ...base, layer: 'choropleth', breaks: [3.25, 12.4, 254.8] }).items.map(i => i.label)).toEqual([
      { key: 'wall.legend.range', params: { from: '12', to: '255' } },
      { key: 'wall.legend.range', params: { from: '3.3', to: '12' } },
    ])
    expect(wallLegend({ ...base, layer: 'points', indicator: 'A2-01' }).items).toEqual([{ color: '#46d2ff', shape: 'dot', label: { indicator: 'A' } }])
    expect(wallLegend({ ...base, layer: 'heatmap' }).ramp?.length).toBeGreaterThan(2)
  })
})

describe('wall playlist editor', () => {
  it('round-trips a playlist through the form unchanged', () => {
    const { id, version, updatedAt, synthetic, ...stored } = playlist
    expect(bodyFrom(draftFrom(playlist))).toEqual(stored)
    expect([id, version, updatedAt, synthetic]).toHaveLength(4)
  })
  it('drops empty labels, trims, sends empty number boxes so the server names them', () => {
    const d = blankDraft(' 500104 ')
    d.name = '  新方案  '
    d.scenes[0]!.fixedCamera = true
    d.scenes[0]!.lon = 106.5
    d.scenes[0]!.durationS = '' as unknown as null
    const body = bodyFrom(d)
    expect(body).toMatchObject({ name: '新方案', region: '500104', kpis: [{ kind: 'count', indicator: 'all' }] })
    expect(body.kpis[0]).not.toHaveProperty('label')
    expect(body.scenes[0]).not.toHaveProperty('durationS')
    expect(JSON.parse(JSON.stringify(body.scenes[0]!.camera))).toEqual({ center: [106.5, null], zoom: null })
  })
  it('moves scenes within the list and reads a camera from a map address', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
    expect(moveItem(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b'])
    expect(cameraFromLink('http://x/?parent=500104#11.50/29.4700/106.4800')).toEqual({ zoom: 11.5, lat: 29.47, lon: 106.48 })
    expect(cameraFromLink('http://x/?parent=500104')).toBeNull()
    expect(cameraFromLink('#99/1/1')).toBeNull()
  })
})
