import { describe, expect, it } from 'vitest'
import { summariseSnapshot, topGrowth } from '../bench/heap-snapshot.ts'

/** A heap snapshot in V8's format: nodes as flat [type, name, id, self_size, edge_count] rows. */
function snapshot(rows: [type: string, name: string, size: number][]): string {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape']
  const strings: string[] = []
  const nodes = rows.flatMap(([type, name, size], id) => {
    strings.push(name)
    return [types.indexOf(type), strings.length - 1, id * 2 + 1, size, 0]
  })
  return JSON.stringify({
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [types, 'string', 'number', 'number', 'number'] } },
    nodes,
    edges: [],
    strings,
  })
}

describe('heap snapshot summary (the wall soak measure)', () => {
  it('splits JS objects from compiled code and objects outside V8, and skips synthetic roots', () => {
    const summary = summariseSnapshot(snapshot([
      ['synthetic', '(GC roots)', 0],
      ['object', 'Object', 40],
      ['array', '(object elements)', 24],
      ['string', 'abc', 16],
      ['closure', 'render', 32],
      ['object shape', 'system / Map', 80],
      ['code', 'system / BytecodeArray', 500],
      ['code', 'system / InstructionStream', 1000],
      ['native', 'HTMLDivElement', 120],
    ]))
    expect(summary.objects).toBe(40 + 24 + 16 + 32 + 80)
    expect(summary.code).toBe(1500)
    expect(summary.native).toBe(120)
    expect(summary.byName.get('object:Object')).toBe(40)
    expect(summary.byName.get('(code)')).toBe(1500)
  })

  it('names what grew most between two snapshots', () => {
    const before = summariseSnapshot(snapshot([['object', 'Tile', 100], ['object', 'Object', 50], ['native', 'Node', 10]]))
    const after = summariseSnapshot(snapshot([['object', 'Tile', 400], ['object', 'Object', 40], ['native', 'Node', 30], ['object', 'Fresh', 5]]))
    expect(topGrowth(before, after, 2)).toEqual([{ name: 'object:Tile', bytes: 300 }, { name: 'native:Node', bytes: 20 }])
  })
})
