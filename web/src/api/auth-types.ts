import type { InferRequestType, InferResponseType } from 'hono/client'
import type { api } from './client.ts'

type Auth = typeof api.api.auth
type Admin = typeof api.api.admin

export type Session = InferResponseType<Auth['session']['$get'], 200>
export type ApiToken = InferResponseType<Auth['tokens']['$get'], 200>['tokens'][number]
export type NewToken = InferRequestType<Auth['tokens']['$post']>['json']
export type AdminUser = InferResponseType<Admin['users']['$get'], 200>['users'][number]
export type NewUser = InferRequestType<Admin['users']['$post']>['json']
export type UserChanges = InferRequestType<Admin['users'][':id']['$patch']>['json']
export type AuditQuery = InferRequestType<Admin['audit']['$get']>['query']
export type AuditPage = InferResponseType<Admin['audit']['$get'], 200>
export type AuditEntry = AuditPage['entries'][number]
