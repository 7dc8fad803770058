import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { ServerStatus } from '@shared/protocol/events'

/**
 * What the server says about itself (`server:status`, routed here by realtime/events.ts): for now
 * whether it reaches its database. The server tells each socket when it connects.
 */
export const useServerStatusStore = defineStore('serverStatus', () => {
  const database = ref<ServerStatus['database']>('ok')
  const databaseDown = computed(() => database.value === 'down')

  function apply(status: ServerStatus): void {
    database.value = status.database
  }
  // Disconnected, the server's word no longer holds; the connection badge says so, and the next
  // connection brings the state again.
  function disconnected(): void {
    database.value = 'ok'
  }

  return { database, databaseDown, apply, disconnected }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useServerStatusStore, import.meta.hot))
