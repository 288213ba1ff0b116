import { createApp, type Component, type Plugin } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { Auth } from './auth'
import { createApi } from './api/client'
import { loadSettings } from './config'
import { createAppI18n, rememberLocale, type Locale } from './i18n'
import { provideSession } from './session'

export interface AppDefinition {
  root: Component
  routes: RouteRecordRaw[]
  messages: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> }
  ui: Plugin
}

/**
 * Starts either app: runtime settings from the gateway, the login (finishing Keycloak's redirect if there is one),
 * the typed API client speaking the chosen language, hash routing (so the gateway needs no fallback route and the
 * redirect URI stays the app's path).
 */
export async function startApp(definition: AppDefinition): Promise<void> {
  const settings = await loadSettings()
  const auth = new Auth(settings)
  await auth.start()
  const i18n = createAppI18n(definition.messages)
  rememberLocale(i18n.global.locale.value as Locale)
  const api = createApi({ token: () => auth.token(), language: () => i18n.global.locale.value })
  const app = createApp(definition.root)
  provideSession(app, { auth, api })
  app.use(i18n)
  app.use(createRouter({ history: createWebHashHistory(), routes: definition.routes }))
  app.use(definition.ui)
  app.mount('#app')
}
