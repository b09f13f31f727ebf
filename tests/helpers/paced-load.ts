import type { Probe } from './http-probe.ts'
import { probe } from './http-probe.ts'
import { sleep } from './server-process.ts'

export interface PacedLoad {
  baseUrl: string
  /** Requests per second to start, whatever the answers. */
  rate: number
  durationMs: number
  /** At most this many requests in flight: a start waits while the cap is reached. */
  maxInFlight: number
  /** The path and headers of the i-th request. */
  request: (i: number) => { path: string, headers: Record<string, string> }
}

/** Starts requests on a fixed schedule (open loop) with bounded concurrency and records each one. */
export async function pacedLoad(load: PacedLoad): Promise<Probe[]> {
  const probes: Probe[] = []
  const inFlight = new Set<Promise<void>>()
  const t0 = Date.now()
  const total = Math.round(load.rate * load.durationMs / 1000)
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / load.rate
    if (due > Date.now())
      await sleep(due - Date.now())
    while (inFlight.size >= load.maxInFlight)
      await Promise.race(inFlight)
    const { path, headers } = load.request(i)
    const p = probe(load.baseUrl, path, headers).then((r) => {
      probes.push(r)
      inFlight.delete(p)
    })
    inFlight.add(p)
  }
  await Promise.all(inFlight)
  return probes
}
