import type { Router } from 'vue-router'
import type { Permission } from './logic/roles.ts'
import { onUnauthorized } from './api/credentials.ts'
import { takeTokenFromQuery } from './logic/url-token.ts'
import { useAuthStore } from './stores/auth.ts'
import { useToastStore } from './stores/toast.ts'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean
    /** Needs a signed-in account (not a display token, not anonymous) that may do this. */
    needs?: Permission
  }
}

/**
 * Move a `?token=` into sessionStorage, resolve the session once, and send whoever is not signed
 * in to /login?next=…; pages the user may not use bounce to the map.
 */
export function installAuthGuard(router: Router) {
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    const taken = takeTokenFromQuery(to.query)
    if (taken) {
      if (taken.token)
        auth.useToken(taken.token)
      return { path: to.path, query: taken.rest, hash: to.hash, replace: true }
    }
    if (to.meta.public)
      return true
    if (auth.status === 'unknown') {
      try {
        await auth.load()
      }
      catch (err) {
        // The server is unreachable: let the page show its own errors rather than a login form.
        useToastStore().fromError(err)
        return true
      }
    }
    if (auth.status === 'signedOut')
      return { name: 'login', query: { next: to.fullPath } }
    if (to.meta.needs && (auth.status !== 'signedIn' || auth.viaDisplayToken || !auth.can[to.meta.needs]))
      return { name: 'map' }
    return true
  })

  onUnauthorized(() => {
    const auth = useAuthStore()
    const current = router.currentRoute.value
    if (current.meta.public || auth.status === 'signedOut')
      return
    auth.expire()
    void router.push({ name: 'login', query: { next: current.fullPath } })
  })
}
