import { acceptHMRUpdate, defineStore } from 'pinia'
import type { PersonDto } from '@shared/protocol/users'
import { api } from '../api/http'
import { useRemoteList } from '../composables/useRemoteList'

/** The office's colleagues by name and username (GET /api/people): whom a note can mention. */
export const usePeopleStore = defineStore('people', () => {
  const { items: people, status, load } = useRemoteList(async () => (await api<{ people: PersonDto[] }>('GET', '/api/people')).people)

  /** Loads the list the first time someone types "@" (and again after a failure). */
  function ensure(): void {
    if (status.value === 'idle' || status.value === 'error') void load()
  }

  /** Up to `limit` people whose username or name starts a word with `query`. */
  function matching(query: string, limit = 6): PersonDto[] {
    const q = query.toLowerCase()
    const starts = (s: string) => s.toLowerCase().split(/[\s._-]+/).some((w) => w.startsWith(q)) || s.toLowerCase().startsWith(q)
    return people.value.filter((p) => starts(p.username) || starts(p.name)).slice(0, limit)
  }

  return { people, status, ensure, matching }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePeopleStore, import.meta.hot))
