import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { UserCreate, UserDto } from '../../../shared/schemas/users'
import { api } from '../api/http'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** The administrator's list of accounts. */
export const useUsersStore = defineStore('users', () => {
  const users = ref<UserDto[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)
  /** Ids whose activate/deactivate request is in flight, so their buttons can wait. */
  const busy = ref<Record<string, true>>({})

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      users.value = (await api<{ users: UserDto[] }>('GET', '/api/users')).users
      status.value = 'ready'
      error.value = null
    } catch (err) {
      status.value = 'error'
      error.value = err instanceof Error ? err.message : String(err)
    }
  }

  /** Throws ApiError (CONFLICT when the username is taken) for the form to explain. */
  async function create(input: UserCreate): Promise<UserDto> {
    const { user } = await api<{ user: UserDto }>('POST', '/api/users', input)
    users.value = [...users.value, user]
    return user
  }

  async function setActive(id: string, active: boolean): Promise<UserDto> {
    busy.value = { ...busy.value, [id]: true }
    try {
      const { user } = await api<{ user: UserDto }>('PATCH', `/api/users/${encodeURIComponent(id)}`, { active })
      users.value = users.value.map((u) => (u.id === id ? user : u))
      return user
    } finally {
      const { [id]: _done, ...rest } = busy.value
      busy.value = rest
    }
  }

  return { users, status, error, busy, load, create, setActive }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUsersStore, import.meta.hot))
