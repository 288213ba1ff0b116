import { useI18n } from 'vue-i18n'
import { rememberLocale, type Locale } from './i18n'

/** The zh-CN / en switch both apps show. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' })
  function switchTo(next: Locale) {
    locale.value = next
    rememberLocale(next)
  }
  return { locale, switchTo }
}
