import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { drawnShape } from '../../web/src/logic/drawn-shape.ts'
import { useDrawStore } from '../../web/src/stores/draw.ts'
import { useListedStore } from '../../web/src/stores/listed.ts'
import { useSidePanelStore } from '../../web/src/stores/side-panel.ts'

describe('the shared drawing tool', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('gives a finished shape to the owner that asked for it, and to no one else', () => {
    const draw = useDrawStore()
    const listed = useListedStore()
    draw.start('units', 'point')
    expect(listed.drawMode).toBeNull()
    draw.finish({ type: 'Point', coordinates: [106.5, 29.45] })
    expect(draw.drawnBy).toBe('units')
    expect(listed.drawn).toBeNull()
    listed.startDrawing('polygon')
    expect(listed.drawMode).toBe('polygon')
    expect(draw.drawn).toBeNull()
  })

  it('clears only its owner\'s sketch', () => {
    const draw = useDrawStore()
    draw.start('patrol', 'linestring')
    draw.finish({ type: 'LineString', coordinates: [[106.5, 29.45], [106.51, 29.46]] })
    draw.clear('water')
    expect(draw.drawn).not.toBeNull()
    draw.clear('patrol')
    expect(draw.drawn).toBeNull()
  })

  it('rounds lines to 1e-7 degrees and refuses degenerate shapes', () => {
    expect(drawnShape({ type: 'LineString', coordinates: [[106.123456789, 29.1], [106.2, 29.987654321]] }))
      .toEqual({ type: 'LineString', coordinates: [[106.1234568, 29.1], [106.2, 29.9876543]] })
    expect(drawnShape({ type: 'LineString', coordinates: [[106.1, 29.1]] })).toBeNull()
    expect(drawnShape({ type: 'MultiPoint', coordinates: [[106.1, 29.1]] })).toBeNull()
  })
})

describe('side panels', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('opens one at a time; the listed panel is one of them', () => {
    const side = useSidePanelStore()
    const listed = useListedStore()
    listed.openPanel()
    expect(side.active).toBe('listed')
    side.toggle('units')
    expect(listed.open).toBe(false)
    side.toggle('units')
    expect(side.active).toBeNull()
  })
})
