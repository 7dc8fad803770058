import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { PasswordResetDto, UserCreate, UserDto, UserEdit } from '@shared/protocol/users'
import { api } from '../api/http'
import { useRemoteList } from '../composables/useRemoteList'

/** The administrator's list of accounts. */
export const useUsersStore = defineStore('users', () => {
  const { items: users, status, error, load } = useRemoteList(async () => (await api<{ users: UserDto[] }>('GET', '/api/users')).users)
  /** Ids whose activate/deactivate request is in flight, so their buttons can wait. */
  const busy = ref<Record<string, true>>({})

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

  /** Clears the account's failed-login counters (POST /api/users/:id/unlock), so its owner can sign in again. */
  async function unlock(id: string): Promise<void> {
    busy.value = { ...busy.value, [id]: true }
    try {
      await api<{ user: UserDto }>('POST', `/api/users/${encodeURIComponent(id)}/unlock`)
    } finally {
      const { [id]: _done, ...rest } = busy.value
      busy.value = rest
    }
  }

  function replace(user: UserDto): UserDto {
    users.value = users.value.map((u) => (u.id === user.id ? user : u))
    return user
  }

  /** Throws ApiError (VALIDATION, FORBIDDEN self_demote) for the dialog to explain. */
  async function update(id: string, input: UserEdit): Promise<UserDto> {
    return replace((await api<{ user: UserDto }>('PUT', `/api/users/${encodeURIComponent(id)}`, input)).user)
  }

  /** A temporary password for the account, to be handed over once (it is never shown again). */
  async function resetPassword(id: string): Promise<PasswordResetDto> {
    busy.value = { ...busy.value, [id]: true }
    try {
      const reset = await api<PasswordResetDto>('POST', `/api/users/${encodeURIComponent(id)}/password-reset`)
      replace(reset.user)
      return reset
    } finally {
      const { [id]: _done, ...rest } = busy.value
      busy.value = rest
    }
  }

  return { users, status, error, busy, load, create, setActive, unlock, update, resetPassword }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUsersStore, import.meta.hot))
