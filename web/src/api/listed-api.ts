import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, toApiError, unwrap, withSignal } from './client.ts'
import { authFetch } from './credentials.ts'

const listed = api.api['listed-hotspots']
const one = listed[':id']

export type ListedQuery = InferRequestType<typeof listed.$get>['query']
export type ListedList = InferResponseType<typeof listed.$get, 200>
export type ListedItem = ListedList['features'][number]
export type ListedDetail = InferResponseType<typeof one.$get, 200>
export type ListedHotspot = ListedDetail['hotspot']
export type ListedTransition = ListedDetail['transitions'][number]
export type ListedCreate = InferRequestType<typeof listed.$post>['json']
export type ListedPatch = InferRequestType<typeof one.$patch>['json']
export type ListedTransitionRequest = InferRequestType<typeof one.transitions.$post>['json']
export type ListedEvidence = InferResponseType<typeof one.evidence.$get, 200>['evidence']

const param = (id: number) => ({ id: String(id) })

/** The listed-hotspot (挂牌整治) calls, named for what they do; credentials are added by the client. */
export const listedApi = {
  list: (query: ListedQuery, signal?: AbortSignal) => unwrap(listed.$get({ query }, withSignal(signal))),
  get: (id: number, signal?: AbortSignal) => unwrap(one.$get({ param: param(id) }, withSignal(signal))),
  create: (json: ListedCreate) => unwrap(listed.$post({ json })),
  edit: (id: number, json: ListedPatch) => unwrap(one.$patch({ param: param(id), json })),
  transition: (id: number, json: ListedTransitionRequest) => unwrap(one.transitions.$post({ param: param(id), json })),
  evidence: (id: number, signal?: AbortSignal) => unwrap(one.evidence.$get({ param: param(id), query: {} }, withSignal(signal))),
}

/**
 * A file from the API as a Blob, through authFetch so a bearer token works as well as the session
 * cookie; a refusal becomes ApiError with the server's message.
 */
export async function downloadBlob(url: string): Promise<{ blob: Blob, disposition: string | null }> {
  const res = await authFetch(url)
  if (!res.ok)
    throw toApiError(res, await res.json().catch(() => null))
  return { blob: await res.blob(), disposition: res.headers.get('Content-Disposition') }
}
