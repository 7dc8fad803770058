import { acceptHMRUpdate, defineStore } from 'pinia'
import type { DisplayCreate, DisplayCreated, DisplayDto } from '@shared/protocol/displays'
import { api } from '../api/http'
import { useRemoteList } from '../composables/useRemoteList'

/** Wall display tokens (administrators): the list, creating one, revoking one. */
export const useDisplaysStore = defineStore('displays', () => {
  const { items: displays, status, error, load } = useRemoteList(
    async () => (await api<{ displays: DisplayDto[] }>('GET', '/api/displays')).displays,
    { keepOnRefresh: true },
  )

  /** The answer carries the token: the caller shows it once and forgets it. */
  async function create(input: DisplayCreate): Promise<DisplayCreated> {
    const created = await api<DisplayCreated>('POST', '/api/displays', input)
    displays.value = [created.display, ...displays.value]
    return created
  }

  async function revoke(id: string): Promise<void> {
    await api<void>('DELETE', `/api/displays/${id}`)
    displays.value = displays.value.filter((d) => d.id !== id)
  }

  return { displays, status, error, load, create, revoke }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDisplaysStore, import.meta.hot))
