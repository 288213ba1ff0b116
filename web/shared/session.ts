import { inject, type App, type InjectionKey } from 'vue'
import type { Auth } from './auth'
import type { Api } from './api/client'

/** What every screen of an app shares: the login and the API client. */
export interface Session {
  auth: Auth
  api: Api
}

const KEY: InjectionKey<Session> = Symbol('session')

export function provideSession(app: App, session: Session): void {
  app.provide(KEY, session)
}

export function useSession(): Session {
  const session = inject(KEY)
  if (!session) throw new Error('no session: the app was not started through startApp')
  return session
}
