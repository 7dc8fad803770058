import { ref, type Ref } from 'vue'
import { errorText } from '../ui/errors/text'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/**
 * A list loaded from the API, with the state its page shows: a skeleton until the answer, an error
 * with a retry, the list. With `keepOnRefresh` a loaded list stays on screen while it reloads.
 * Meant for setup stores, which hand out `items` under the list's own name.
 */
export function useRemoteList<T>(fetchList: () => Promise<T[]>, { keepOnRefresh = false } = {}) {
  const items = ref([]) as Ref<T[]>
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    if (!keepOnRefresh || status.value !== 'ready') status.value = 'loading'
    try {
      items.value = await fetchList()
      status.value = 'ready'
      error.value = null
    } catch (err) {
      status.value = 'error'
      error.value = errorText(err)
    }
  }

  return { items, status, error, load }
}
