import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { ServerStatus } from '../../../shared/events'
import { bindListeners } from '../realtime/socket'

/**
 * What the server says about itself (`server:status`): for now whether it reaches its database.
 * The server tells each socket when it connects, so this store must exist before the socket
 * connects at login: App.vue creates it at start.
 */
export const useServerStatusStore = defineStore('serverStatus', () => {
  const database = ref<ServerStatus['database']>('ok')
  const databaseDown = computed(() => database.value === 'down')

  const onStatus = (status: ServerStatus) => {
    database.value = status.database
  }
  // Disconnected, the server's word no longer holds; the connection badge says so, and the next
  // connection brings the state again.
  const onDisconnect = () => {
    database.value = 'ok'
  }

  const unbind = bindListeners({ 'server:status': onStatus, disconnect: onDisconnect })
  if (import.meta.hot) import.meta.hot.dispose(unbind)

  return { database, databaseDown }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useServerStatusStore, import.meta.hot))
