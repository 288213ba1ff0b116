import { ref } from 'vue'
import type { Api } from '@shared/api/client'

/** How many messages the citizen has not read: the navigation's badge, refreshed on every page change. */
export const unread = ref(0)

export async function refreshUnread(api: Api): Promise<void> {
  const { data } = await api.GET('/api/v1/messages/unread-count')
  unread.value = data?.unread ?? 0
}
