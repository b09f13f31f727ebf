import type { ClientResponse, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const compare = api.api.compare

export type Comparison = Extract<InferResponseType<typeof compare.$get, 200>, { regions: unknown }>
export type ComparedRegion = Comparison['regions'][number]
export type CompareIndicator = Comparison['indicators'][number]
export type CompareCell = ComparedRegion['cells'][string]
export type CompareChange = CompareCell['mom']

/** The regional comparison: the table as JSON, or the address of its CSV/XLSX export. */
export const compareApi = {
  get: (regions: readonly string[], month: string, signal?: AbortSignal) =>
    // The route also answers CSV and XLSX bodies, so its inferred response is a union; format=json is the JSON one.
    unwrap(compare.$get({ query: { regions: regions.join(','), month, format: 'json' } }, withSignal(signal)) as Promise<ClientResponse<Comparison>>),
  exportUrl: (regions: readonly string[], month: string, format: 'csv' | 'xlsx') =>
    `/api/compare?${new URLSearchParams({ regions: regions.join(','), month, format })}`,
}
