import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { CycleDashboard } from '@shared/reports/dashboard'
import { api, ApiError } from '../api/http'
import type { LoadStatus } from '../composables/useRemoteList'

/**
 * One cycle's numbers (GET /api/cycles/:id/stats), for the dashboard and the printable report.
 * A snapshot read at the server's clock, not live: "Muat ulang" reads it again.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const cycleId = ref<string | null>(null)
  const data = ref<CycleDashboard | null>(null)
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  async function load(id: string): Promise<void> {
    // Another cycle's numbers must never show under this cycle's title, even for a moment.
    if (cycleId.value !== id) data.value = null
    cycleId.value = id
    status.value = data.value ? 'ready' : 'loading'
    try {
      const answer = await api<CycleDashboard>('GET', `/api/cycles/${encodeURIComponent(id)}/stats`)
      if (cycleId.value !== id) return
      data.value = answer
      status.value = 'ready'
      error.value = null
    } catch (err) {
      if (cycleId.value !== id) return
      error.value = err instanceof ApiError ? err : new ApiError('NETWORK', String(err), 0)
      status.value = data.value ? 'ready' : 'error'
    }
  }

  function reload(): Promise<void> {
    return cycleId.value ? load(cycleId.value) : Promise.resolve()
  }

  return { cycleId, data, status, error, load, reload }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
