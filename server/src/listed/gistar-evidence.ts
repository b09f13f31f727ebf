import type { Queryable } from '../db/database.ts'
import type { GistarRunner } from './evidence.ts'
import { HTTPException } from 'hono/http-exception'
import { areaBounds, cellsTouchingArea } from '../queries/listed-evidence.ts'

interface GistarAsk { parent: string, size: 500, leaves: string[], from: string, to: string }

/**
 * Gi* over the hotspot's district (or the township, for a township scope) and the cells that
 * intersect the hotspot's area: "still a hot spot" when any of them is hot at 95 % or more
 * (bin ≥ 2). A refusal by the Gi* service (an HTTP error such as too few cells) is reported, not thrown.
 */
export async function gistarEvidence(q: Queryable, id: number, pointRadius: number, ask: GistarAsk, runGistar: GistarRunner) {
  let result: Awaited<ReturnType<GistarRunner>>
  try {
    result = await runGistar(q, { ...ask, correction: 'none' })
  }
  catch (err) {
    if (err instanceof HTTPException)
      return { available: false as const, ...ask, reason: await reasonOf(err) }
    throw err
  }
  const [w, s, e, n] = await areaBounds(q, id, pointRadius)
  const near = result.cells.filter(c => c.ring.some(([x, y]) => x >= w - 0.02 && x <= e + 0.02 && y >= s - 0.02 && y <= n + 0.02))
  const rings = near.map(c => JSON.stringify({ type: 'Polygon', coordinates: [c.ring] }))
  const touching = (await cellsTouchingArea(q, id, pointRadius, rings)).map(k => near[k]!)
  const cells = touching.map(c => ({ id: c.id, count: c.count, z: c.z, p: c.p, bin: c.bin }))
  return {
    available: true as const,
    ...ask,
    correction: 'none' as const,
    cellsAnalysed: result.cells.length,
    cells,
    stillHot: cells.some(c => c.bin >= 2),
    method: result.method,
  }
}

async function reasonOf(err: HTTPException): Promise<string> {
  try {
    const body = await err.getResponse().clone().json() as { error?: { message?: string } }
    return body.error?.message ?? err.message
  }
  catch {
    return err.message || `Gi* refused (${err.status})`
  }
}
