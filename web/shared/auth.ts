import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import type { AppSettings } from './config'

/**
 * Login by authorization code + PKCE on the realm's public client. Tokens stay in this tab's sessionStorage (no
 * cookie, no secret); the app's own path is the redirect URI, so the realm lists nothing wider.
 */
export class Auth {
  private readonly manager: UserManager
  private user: User | null = null

  constructor(settings: AppSettings) {
    const appUrl = new URL(import.meta.env.BASE_URL, window.location.origin).toString()
    this.manager = new UserManager({
      authority: settings.authority,
      client_id: settings.clientId,
      redirect_uri: appUrl,
      post_logout_redirect_uri: appUrl,
      response_type: 'code',
      scope: 'openid',
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      // Refresh with the rotating refresh token; no hidden iframe (the CSP forbids frames).
      automaticSilentRenew: true,
    })
  }

  /** Finishes a login when Keycloak has just redirected back, then forgets the code in the address bar. */
  async start(): Promise<void> {
    const params = new URLSearchParams(window.location.search)
    if (params.has('code') && params.has('state')) {
      this.user = await this.manager.signinRedirectCallback()
      window.history.replaceState({}, '', window.location.pathname + window.location.hash)
    } else {
      this.user = await this.manager.getUser()
    }
  }

  login(locale: string): Promise<void> {
    return this.manager.signinRedirect({ ui_locales: locale === 'en' ? 'en' : 'zh-CN' })
  }

  logout(): Promise<void> {
    return this.manager.signoutRedirect()
  }

  /** A valid access token, refreshed when it has expired; null when logged out. */
  async token(): Promise<string | null> {
    if (this.user?.expired && this.user.refresh_token) {
      this.user = await this.manager.signinSilent().catch(() => null)
    }
    return this.user && !this.user.expired ? this.user.access_token : null
  }

  get loggedIn(): boolean {
    return this.user != null && !this.user.expired
  }

  /**
   * The access token's claims (name, roles, hall, assurance), as the API sees them; the ID token does not carry
   * the realm roles. The resident ID is never shown from here.
   */
  get claims(): Record<string, unknown> {
    const token = this.user?.access_token
    if (!token) return {}
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  }

  get roles(): string[] {
    const access = this.claims['realm_access'] as { roles?: string[] } | undefined
    return access?.roles ?? []
  }
}
