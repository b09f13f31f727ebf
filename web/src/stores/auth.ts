import type { Session } from '../api/auth-types.ts'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi } from '../api/auth-api.ts'
import { ApiError } from '../api/client.ts'
import { credentials, setBearerToken } from '../api/credentials.ts'
import { permissions } from '../logic/roles.ts'

/**
 * Who is signed in. `anonymous` is a server that allows reading without an account
 * (RISKMAP_PUBLIC_READ); `signedOut` means the user must log in.
 */
export type AuthStatus = 'unknown' | 'signedIn' | 'anonymous' | 'signedOut'

export const useAuthStore = defineStore('auth', () => {
  const session = ref<Session | null>(null)
  const status = ref<AuthStatus>('unknown')

  const role = computed(() => session.value?.role ?? null)
  const scope = computed(() => session.value?.scope ?? null)
  const can = computed(() => permissions(role.value))
  /** A wall display authenticated by a display token: no account, nothing to manage. */
  const viaDisplayToken = computed(() => session.value?.via === 'display')

  function accept(next: Session) {
    session.value = next
    credentials.csrf = next.csrfToken
    status.value = next.via === 'public' ? 'anonymous' : 'signedIn'
  }

  function forget() {
    session.value = null
    credentials.csrf = null
  }

  /** Resolve the current session; a 401 is an answer (signed out), not an error. */
  async function load(): Promise<AuthStatus> {
    try {
      accept(await authApi.session())
    }
    catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401)
        throw err
      // A rejected token (revoked, expired) must not be retried on every request.
      setBearerToken(null)
      forget()
      status.value = 'signedOut'
    }
    return status.value
  }

  async function login(username: string, password: string) {
    // Signing in as a person replaces whatever token this tab was opened with.
    setBearerToken(null)
    accept(await authApi.login(username, password))
  }

  async function logout() {
    try {
      if (!credentials.bearer)
        await authApi.logout()
    }
    finally {
      setBearerToken(null)
      forget()
      status.value = 'signedOut'
    }
  }

  /** Any request answered 401 after sign-in: the session expired or the token was revoked. */
  function expire() {
    setBearerToken(null)
    forget()
    status.value = 'signedOut'
  }

  function useToken(token: string) {
    setBearerToken(token)
    status.value = 'unknown'
  }

  return { session, status, role, scope, can, viaDisplayToken, load, login, logout, expire, useToken }
})
