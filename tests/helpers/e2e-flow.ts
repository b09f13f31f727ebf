import type { Browser } from 'playwright-core'
import type { OfflinePage } from './e2e-browser.ts'
import type { E2eServer } from './e2e-server.ts'
import { launchBrowser, openOfflinePage } from './e2e-browser.ts'
import { loginAs, startServer } from './e2e-server.ts'

/** Room for a side panel beside the map, as every feature flow uses. */
export const FLOW_VIEWPORT = { width: 1600, height: 900 }

export interface E2eFlow {
  server: E2eServer
  browser: Browser
  /** A page signed in as the first admin. */
  admin: OfflinePage
  /** The admin session's CSRF token, for writes through `admin.context.request`. */
  csrf: string
  /** A new page signed in as a new user with this role (scope `*`), created by the admin. */
  signedIn: (user: { username: string, password: string }, role: 'admin' | 'editor' | 'analyst' | 'display') => Promise<OfflinePage>
  /** A new page signed in as nobody (a wall opened with a display token), closed with the flow. */
  open: (viewport: { width: number, height: number }) => Promise<OfflinePage>
  /** Close every page, the browser and the server. */
  close: () => Promise<void>
}

/**
 * The set-up of a feature flow: the real server, Chromium, and an admin page signed in. When a
 * step fails, what was started is closed again before the error is rethrown.
 */
export async function startFlow(opts: { env?: Record<string, string>, viewport?: { width: number, height: number } } = {}): Promise<E2eFlow> {
  const pages: OfflinePage[] = []
  let server: E2eServer | undefined
  let browser: Browser | undefined
  async function close() {
    for (const p of pages)
      await p.context.close()
    await browser?.close()
    await server?.stop()
  }
  try {
    server = await startServer(opts)
    browser = await launchBrowser()
    const admin = await openOfflinePage(browser, opts.viewport ?? FLOW_VIEWPORT)
    pages.push(admin)
    const csrf = (await loginAs(admin.context, server.url)).csrfToken
    const url = server.url
    const b = browser
    async function signedIn(user: { username: string, password: string }, role: string) {
      const res = await admin.context.request.post(`${url}/api/admin/users`, { data: { ...user, role, scope: '*' }, headers: { 'X-CSRF-Token': csrf } })
      if (res.status() !== 201)
        throw new Error(`creating ${user.username}: ${res.status()} ${await res.text()}`)
      const page = await openOfflinePage(b, FLOW_VIEWPORT)
      pages.push(page)
      await loginAs(page.context, url, user.username, user.password)
      return page
    }
    async function open(viewport: { width: number, height: number }) {
      const page = await openOfflinePage(b, viewport)
      pages.push(page)
      return page
    }
    return { server, browser, admin, csrf, signedIn, open, close }
  }
  catch (error) {
    await close()
    throw error
  }
}

/** The secret of a new display token for this scope, created by the flow's admin. */
export async function displayToken(flow: E2eFlow, name: string, scope: string): Promise<string> {
  const res = await flow.admin.context.request.post(`${flow.server.url}/api/auth/tokens`, {
    data: { kind: 'display', name, scope },
    headers: { 'X-CSRF-Token': flow.csrf },
  })
  if (res.status() !== 201)
    throw new Error(`creating the display token ${name}: ${res.status()} ${await res.text()}`)
  return (await res.json()).secret
}
