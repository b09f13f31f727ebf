import type { AuditQuery, NewToken, NewUser, UserChanges } from './auth-types.ts'
import { api, unwrap } from './client.ts'

const auth = api.api.auth
const admin = api.api.admin

/** The auth and admin calls, named for what they do; credentials are added by the client. */
export const authApi = {
  session: () => unwrap(auth.session.$get()),
  login: (username: string, password: string) => unwrap(auth.login.$post({ json: { username, password } })),
  logout: () => unwrap(auth.logout.$post()),
  tokens: () => unwrap(auth.tokens.$get()),
  createToken: (json: NewToken) => unwrap(auth.tokens.$post({ json })),
  revokeToken: (id: number) => unwrap(auth.tokens[':id'].$delete({ param: { id: String(id) } })),
}

export const adminApi = {
  users: () => unwrap(admin.users.$get()),
  createUser: (json: NewUser) => unwrap(admin.users.$post({ json })),
  updateUser: (id: number, json: UserChanges) => unwrap(admin.users[':id'].$patch({ param: { id: String(id) }, json })),
  audit: (query: AuditQuery) => unwrap(admin.audit.$get({ query })),
}
