import type { Reply } from './http-client.ts'
import { expect, it } from 'vitest'
import { geojsonCorpus } from '../fixtures/bad-input.ts'
import { errorReplyProblems } from './error-shape.ts'

/** The corpus holds Features, bare geometries and raw text: the geometry (or the text) to send. */
function geometryText(value: unknown): string {
  if (typeof value === 'string')
    return value
  const f = value as { type?: string, geometry?: unknown }
  return JSON.stringify(f?.type === 'Feature' ? f.geometry : value)
}

/**
 * One test per value of the hostile GeoJSON corpus: `draft()` sent by `send` with that value as its
 * geometry must get a clean 4xx error and leave `counts()` as it was.
 */
export function itRefusesHostileGeometry(
  label: string,
  send: (body: string) => Promise<Reply>,
  draft: (over: Record<string, unknown>) => unknown,
  counts: () => Promise<unknown>,
): void {
  it.each(geojsonCorpus)(`${label}: %s → a clean 4xx, nothing written`, async (_label, value) => {
    const before = await counts()
    const body = JSON.stringify(draft({ geometry: '__geometry__' })).replace('"__geometry__"', geometryText(value()))
    expect(errorReplyProblems(await send(body), [])).toEqual([])
    expect(await counts()).toEqual(before)
  })
}
