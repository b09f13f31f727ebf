import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const index = api.api['risk-index']

export type RiskIndexQuery = InferRequestType<typeof index.$get>['query']
export type RiskIndex = InferResponseType<typeof index.$get, 200>
export type RiskIndexRegion = RiskIndex['regions'][number]
export type RiskIndexMethod = RiskIndex['method']
export type RiskIndexGrade = NonNullable<RiskIndexRegion['grade']>
export type RiskIndexConfigReply = InferResponseType<typeof index.config.$get, 200>
export type RiskIndexConfigBody = InferRequestType<typeof index.config.$put>['json']

/** The composite risk index calls; credentials are added by the client. */
export const riskIndexApi = {
  get: (query: RiskIndexQuery, signal?: AbortSignal) => unwrap(index.$get({ query }, withSignal(signal))),
  config: (signal?: AbortSignal) => unwrap(index.config.$get({}, withSignal(signal))),
  saveConfig: (json: RiskIndexConfigBody) => unwrap(index.config.$put({ json })),
}
