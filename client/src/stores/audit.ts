import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { api, ApiError } from '../api/http'
import type { LoadStatus } from '../composables/useRemoteList'

/** The first event of one card's chain that does not hold, and how it fails (server/ledger/chain.ts). */
export interface ChainBreak {
  cardId: string
  seq: number
  reason: 'hash' | 'link' | 'gap' | 'start' | 'head'
}

/** GET /api/admin/audit: every card's chain checked at the server's clock. */
export interface AuditReport {
  cards: number
  events: number
  breaks: ChainBreak[]
  checkedAt: string
}

/**
 * The administrator's check of the card ledger. Run on request only: it reads every event, so
 * opening the page must not start it; the last report stays while the administrator looks elsewhere.
 */
export const useAuditStore = defineStore('audit', () => {
  const report = ref<AuditReport | null>(null)
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  async function check(): Promise<void> {
    if (status.value === 'loading') return
    status.value = 'loading'
    error.value = null
    try {
      report.value = await api<AuditReport>('GET', '/api/admin/audit')
      status.value = 'ready'
    } catch (err) {
      error.value = err instanceof ApiError ? err : new ApiError('NETWORK', String(err), 0)
      status.value = 'error'
    }
  }

  return { report, status, error, check }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAuditStore, import.meta.hot))
