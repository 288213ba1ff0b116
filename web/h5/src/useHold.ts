import { ref } from 'vue'
import { showToast } from 'vant'
import { useI18n } from 'vue-i18n'
import { useSession } from '@shared/session'
import type { PickedWindow } from './components/WindowPicker.vue'

interface Held { id: string; expiresAt: string }

/**
 * The place held while the citizen fills the form (POST /api/v1/holds). Choosing another window releases the
 * previous hold, so one person never blocks two places. The hold answer has no declared schema in the contract
 * (201 with an untyped body), hence the narrow cast.
 */
export function useHold() {
  const { api } = useSession()
  const { t } = useI18n()
  const current = ref<Held>()
  const expiresAt = ref('')

  async function take(hallId: string, w: PickedWindow): Promise<Held> {
    if (current.value) {
      await api.DELETE('/api/v1/holds/{id}', { params: { path: { id: current.value.id } } }).catch(() => undefined)
    }
    const { data } = await api.POST('/api/v1/holds', { body: { hallId, date: w.date, windowStart: w.windowStart } })
    current.value = data as Held
    expiresAt.value = new Date(current.value.expiresAt).toLocaleTimeString(document.documentElement.lang)
    return current.value
  }

  function forget() {
    current.value = undefined
    expiresAt.value = ''
  }

  async function waitlist(hallId: string, w: PickedWindow) {
    await api.POST('/api/v1/waitlist', { body: { hallId, date: w.date, windowStart: w.windowStart } })
    showToast(t('windows.waitlisted'))
  }

  return { take, forget, waitlist, expiresAt }
}
