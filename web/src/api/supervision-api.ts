import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const root = api.api.supervision
const one = root[':id']

export type SupervisionQuery = InferRequestType<typeof root.$get>['query']
export type SupervisionListing = InferResponseType<typeof root.$get, 200>['listings'][number]
export type SupervisionMap = InferResponseType<typeof root.geojson.$get, 200>
export type SupervisionDetail = InferResponseType<typeof one.$get, 200>
export type SupervisionNote = SupervisionDetail['notes'][number]
export type SupervisionCreate = InferRequestType<typeof root.$post>['json']
export type SupervisionPatch = InferRequestType<typeof one.$patch>['json']
export type SupervisionClose = InferRequestType<typeof one.close.$post>['json']

const param = (id: number) => ({ id: String(id) })

/** The supervision-listing (挂牌督办) calls; credentials are added by the client. */
export const supervisionApi = {
  list: (query: SupervisionQuery, signal?: AbortSignal) => unwrap(root.$get({ query }, withSignal(signal))),
  map: (query: SupervisionQuery, signal?: AbortSignal) => unwrap(root.geojson.$get({ query }, withSignal(signal))),
  get: (id: number, signal?: AbortSignal) => unwrap(one.$get({ param: param(id) }, withSignal(signal))),
  create: (json: SupervisionCreate) => unwrap(root.$post({ json })),
  edit: (id: number, json: SupervisionPatch) => unwrap(one.$patch({ param: param(id), json })),
  note: (id: number, text: string) => unwrap(one.notes.$post({ param: param(id), json: { text } })),
  close: (id: number, json: SupervisionClose) => unwrap(one.close.$post({ param: param(id), json })),
}
