import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const zones = api.api['patrol-zones']
const one = zones[':id']

export type PatrolList = InferResponseType<typeof zones.$get, 200>
export type PatrolFeature = PatrolList['features'][number]
export type PatrolZone = InferResponseType<typeof one.$get, 200>['zone']
export type PatrolType = PatrolFeature['properties']['type']
export type PatrolShift = PatrolFeature['properties']['shifts'][number]
export type PatrolCreate = InferRequestType<typeof zones.$post>['json']
export type PatrolPatch = InferRequestType<typeof one.$patch>['json']
export type PatrolHeatmapQuery = InferRequestType<typeof one.heatmap.$get>['query']
export type PatrolHeatmap = InferResponseType<typeof one.heatmap.$get, 200>['heatmap']
export type PatrolWindow = PatrolHeatmap['recommended'][number]

const param = (id: number) => ({ id: String(id) })

/** The patrol-zone (巡逻区域与路线) calls, named for what they do; credentials are added by the client. */
export const patrolApi = {
  list: (signal?: AbortSignal) => unwrap(zones.$get({ query: {} }, withSignal(signal))),
  get: (id: number, signal?: AbortSignal) => unwrap(one.$get({ param: param(id) }, withSignal(signal))),
  create: (json: PatrolCreate) => unwrap(zones.$post({ json })),
  edit: (id: number, json: PatrolPatch) => unwrap(one.$patch({ param: param(id), json })),
  remove: (id: number, version: number) => unwrap(one.$delete({ param: param(id), query: { version: String(version) } })),
  heatmap: (id: number, query: PatrolHeatmapQuery, signal?: AbortSignal) => unwrap(one.heatmap.$get({ param: param(id), query }, withSignal(signal))),
}
