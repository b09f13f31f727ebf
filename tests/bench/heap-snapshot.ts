import type { CDPSession } from 'playwright-core'

/**
 * A V8 heap snapshot (the JSON that Chromium's `HeapProfiler.takeHeapSnapshot` streams) summed by
 * what its nodes are. A snapshot holds only what is reachable: taking one collects garbage first.
 * - `objects`: the page's JavaScript data (objects, arrays, closures, strings, numbers, hidden
 *   classes and V8's internal arrays): what a leak makes grow.
 * - `code`: V8's compiled code and its metadata (bytecode, baseline and optimised machine code,
 *   feedback vectors). It grows as hot functions tier up and shrinks as V8 flushes cold bytecode;
 *   it is bounded by the program, not by how long it runs.
 * - `native`: objects outside V8 (DOM and Blink objects, ArrayBuffer backing stores, and DevTools'
 *   own records of the requests it watched).
 */
export interface HeapBreakdown {
  objects: number
  code: number
  native: number
  /** Self size per `type:name` (strings, numbers and code lumped together), for finding what grew. */
  byName: Map<string, number>
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[], node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

const LUMPED = new Set(['string', 'concatenated string', 'sliced string', 'number', 'code'])

export function summariseSnapshot(json: string): HeapBreakdown {
  const snapshot = JSON.parse(json) as SnapshotJson
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const out: HeapBreakdown = { objects: 0, code: 0, native: 0, byName: new Map() }
  const { nodes, strings } = snapshot
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!] ?? 'unknown'
    const size = nodes[i + sizeAt]!
    if (type === 'synthetic')
      continue
    if (type === 'code' || type === 'native')
      out[type] += size
    else out.objects += size
    const key = LUMPED.has(type) ? `(${type})` : `${type}:${strings[nodes[i + nameAt]!]}`
    out.byName.set(key, (out.byName.get(key) ?? 0) + size)
  }
  return out
}

/** Take a snapshot of the page's heap over CDP and summarise it (the JSON itself is not kept). */
export async function takeHeapBreakdown(cdp: CDPSession): Promise<HeapBreakdown> {
  const chunks: string[] = []
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  }
  finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  return summariseSnapshot(chunks.join(''))
}

/** The `n` names whose self size grew most from `before` to `after`, in bytes. */
export function topGrowth(before: HeapBreakdown, after: HeapBreakdown, n: number): { name: string, bytes: number }[] {
  return [...after.byName]
    .map(([name, size]) => ({ name, bytes: size - (before.byName.get(name) ?? 0) }))
    .filter(row => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, n)
}
