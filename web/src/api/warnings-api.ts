import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const root = api.api.warnings
const one = root[':id']
const rules = api.api['warning-rules']
const escalation = api.api['stage-escalation']

export type WarningsQuery = InferRequestType<typeof root.$get>['query']
export type WarningItem = InferResponseType<typeof root.$get, 200>['warnings'][number]
export type WarningCounts = InferResponseType<typeof root.$get, 200>['counts']
export type WarningRule = InferResponseType<typeof rules.$get, 200>['rules'][number]
export type WarningRulePatch = InferRequestType<(typeof rules)[':id']['$patch']>['json']
export type WarningRuleCreate = InferRequestType<typeof rules.$post>['json']
export type EscalationQuery = InferRequestType<typeof escalation.$get>['query']
export type EscalationTable = InferResponseType<typeof escalation.$get, 200>
export type EscalationTownship = EscalationTable['townships'][number]

const param = (id: number) => ({ id: String(id) })

/** Early warnings (预警), their rules and the stage escalation table; credentials are added by the client. */
export const warningsApi = {
  list: (query: WarningsQuery, signal?: AbortSignal) => unwrap(root.$get({ query }, withSignal(signal))),
  ack: (id: number, note: string) => unwrap(one.ack.$post({ param: param(id), json: { note } })),
  close: (id: number, note: string) => unwrap(one.close.$post({ param: param(id), json: { note } })),
  rules: (signal?: AbortSignal) => unwrap(rules.$get({}, withSignal(signal))),
  editRule: (id: number, json: WarningRulePatch) => unwrap(rules[':id'].$patch({ param: param(id), json })),
  createRule: (json: WarningRuleCreate) => unwrap(rules.$post({ json })),
  deleteRule: (id: number, version: number) => unwrap(rules[':id'].$delete({ param: param(id), query: { version: String(version) } })),
  escalation: (query: EscalationQuery, signal?: AbortSignal) => unwrap(escalation.$get({ query }, withSignal(signal))),
}
