import { ref } from 'vue'
import { showToast } from 'vant'
import { useI18n } from 'vue-i18n'
import { beijingTime } from '@shared/format'
import { ProblemError } from '@shared/problem'
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
    adopt(data as Held)
    return current.value!
  }

  /** A place already kept for the citizen: a waitlist offer (GET /api/v1/holds/{id}). */
  function adopt(held: Held) {
    current.value = held
    expiresAt.value = beijingTime(held.expiresAt)
  }

  function forget() {
    current.value = undefined
    expiresAt.value = ''
  }

  async function waitlist(hallId: string, w: PickedWindow) {
    try {
      await api.POST('/api/v1/waitlist', { body: { hallId, date: w.date, windowStart: w.windowStart } })
      showToast({ message: t('windows.waitlisted'), className: 'waitlisted' })
    } catch (e) {
      if (e instanceof ProblemError) showToast(e.message)
      else throw e
    }
  }

  return { take, adopt, forget, waitlist, expiresAt }
}
