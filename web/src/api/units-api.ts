import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const units = api.api['response-units']
const one = units[':id']
const coverage = api.api.coverage

export type UnitsQuery = InferRequestType<typeof units.$get>['query']
export type UnitList = InferResponseType<typeof units.$get, 200>
export type UnitFeature = UnitList['features'][number]
export type Unit = UnitFeature['properties']
export type UnitType = Unit['type']
export type DutyWindow = Unit['duty'][number]
export type UnitCreate = InferRequestType<typeof units.$post>['json']
export type UnitPatch = InferRequestType<typeof one.$patch>['json']
export type Reach = InferResponseType<typeof one.reach.$get, 200>
export type ReachMethod = Reach['method']
export type CoverageQuery = InferRequestType<typeof coverage.$get>['query']
export type Coverage = InferResponseType<typeof coverage.$get, 200>
export type CoverageRegion = Coverage['regions'][number]

const param = (id: number) => ({ id: String(id) })

/** Response units (最小处置单元), their 1-3-5 reach and the coverage they give; credentials are added by the client. */
export const unitsApi = {
  list: (query: UnitsQuery, signal?: AbortSignal) => unwrap(units.$get({ query }, withSignal(signal))),
  get: (id: number, signal?: AbortSignal) => unwrap(one.$get({ param: param(id) }, withSignal(signal))),
  create: (json: UnitCreate) => unwrap(units.$post({ json })),
  edit: (id: number, json: UnitPatch) => unwrap(one.$patch({ param: param(id), json })),
  remove: (id: number, version: number) => unwrap(one.$delete({ param: param(id), query: { version: String(version) } })),
  reach: (id: number, signal?: AbortSignal) => unwrap(one.reach.$get({ param: param(id) }, withSignal(signal))),
  coverage: (query: CoverageQuery, signal?: AbortSignal) => unwrap(coverage.$get({ query }, withSignal(signal))),
}

/** Demo units are flagged `synthetic` by the server (when it sends the flag); they are labelled as such. */
export function isSynthetic(unit: Unit): boolean {
  return (unit as Unit & { synthetic?: unknown }).synthetic === true
}
