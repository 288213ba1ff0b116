import { createI18n } from 'vue-i18n'
import zhShared from './locales/zh-CN.json'
import enShared from './locales/en.json'

export type Locale = 'zh-CN' | 'en'
const STORAGE_KEY = 'hkmo.locale'

/** zh-CN unless the user chose English; the shared words plus the app's own message files. */
export function createAppI18n(app: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> }) {
  const saved = window.localStorage.getItem(STORAGE_KEY)
  return createI18n({
    legacy: false,
    locale: saved === 'en' ? 'en' : 'zh-CN',
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': { ...zhShared, ...app['zh-CN'] }, en: { ...enShared, ...app.en } },
  })
}

export function rememberLocale(locale: Locale): void {
  window.localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
