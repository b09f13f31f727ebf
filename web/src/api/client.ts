import type { AppType } from '@riskmap/server/app'
import type { ClientResponse, InferRequestType, InferResponseType } from 'hono/client'
import { hc } from 'hono/client'
import { authFetch } from './credentials.ts'

/**
 * The one typed client; every response type below is inferred from the server's routes.
 * Credentials (bearer token or CSRF header) are added centrally by `authFetch`.
 */
export const api = hc<AppType>('/', { fetch: authFetch })

export type Meta = InferResponseType<typeof api.api.meta.$get, 200>
export type RegionCollection = InferResponseType<typeof api.api.regions.$get, 200>
export type RegionFeature = RegionCollection['features'][number]
export type IndicatorNode = InferResponseType<typeof api.api.indicators.$get, 200>['tree'][number]
export type Choropleth = InferResponseType<typeof api.api.choropleth.$get, 200>
export type ChoroplethQuery = InferRequestType<typeof api.api.choropleth.$get>['query']
export type ChoroplethRegion = Choropleth['regions'][number]
export type RegionSummary = InferResponseType<(typeof api.api.regions)[':code']['summary']['$get'], 200>
export type RegionLevel = RegionFeature['properties']['level']
export type Normalize = Choropleth['normalize']
export type Compare = Choropleth['compare']
export type Classify = Choropleth['classify']
export interface LocalName { zh: string, en: string }

/** The server's error shape `{ error: { code, message, details? } }`, as a throwable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from a 429's Retry-After header. */
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The ApiError for a non-2xx response whose body has been read. */
export function toApiError(res: Response, body: unknown): ApiError {
  const e = (body as { error?: { code?: string, message?: string, details?: unknown } } | null)?.error
  const retry = Number(res.headers.get('Retry-After'))
  const retryAfter = res.status === 429 && Number.isFinite(retry) && retry > 0 ? retry : undefined
  return new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details, retryAfter)
}

/**
 * Await a client call and return its success body; non-2xx answers become ApiError and a
 * failed connection becomes ApiError('network'). Aborts are rethrown untouched.
 */
export async function unwrap<T>(call: Promise<ClientResponse<T>>): Promise<Extract<T, object>> {
  let res: ClientResponse<T>
  try {
    res = await call
  }
  catch (err) {
    if ((err as Error).name === 'AbortError')
      throw err
    throw new ApiError(0, 'network', (err as Error).message)
  }
  const body = await res.json().catch(() => null) as unknown
  if (!res.ok)
    throw toApiError(res as unknown as Response, body)
  return body as Extract<T, object>
}

/** Request options carrying an AbortSignal. */
export const withSignal = (signal?: AbortSignal) => ({ init: { signal } })
