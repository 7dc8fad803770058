import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CycleCreate, CycleDto } from '@shared/protocol/cycles'
import { api } from '../api/http'
import { useRemoteList } from '../composables/useRemoteList'

/** The list of cycles (one run of the SOP per quarter) and starting a new one. */
export const useCyclesStore = defineStore('cycles', () => {
  // Only the first load shows a skeleton; a refresh keeps the list on screen.
  const { items: cycles, status, error, load } = useRemoteList(
    async () => (await api<{ cycles: CycleDto[] }>('GET', '/api/cycles')).cycles,
    { keepOnRefresh: true },
  )

  /** Throws ApiError (CONFLICT when the period already runs) for the form to explain. */
  async function create(input: CycleCreate): Promise<CycleDto> {
    const { cycle } = await api<{ cycle: CycleDto }>('POST', '/api/cycles', input)
    cycles.value = [cycle, ...cycles.value.filter((c) => c.id !== cycle.id)]
    return cycle
  }

  return { cycles, status, error, load, create }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCyclesStore, import.meta.hot))
