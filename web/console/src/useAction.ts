import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { fieldMessages, ProblemError } from '@shared/problem'

/**
 * Runs a counter action: busy while it runs, the API's problem beside the fields it names (errors), a toast for the
 * rest; `done` is the success message key.
 */
export function useAction() {
  const { t } = useI18n()
  const busy = ref(false)
  const errors = ref<Record<string, string>>({})

  async function run<T>(action: () => Promise<T>, done?: string): Promise<T | undefined> {
    busy.value = true
    errors.value = {}
    try {
      const result = await action()
      if (done) ElMessage.success(t(done))
      return result
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e
      errors.value = fieldMessages(e.problem)
      ElMessage.error(t('common.failed', { message: e.message }))
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { run, busy, errors }
}
