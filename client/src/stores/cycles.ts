import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CycleCreate, CycleDto } from '@shared/protocol/cycles'
import { api } from '../api/http'
import { useRemoteList } from '../composables/useRemoteList'

/** The list of cycles (one run of the SOP per quarter): starting one, cancelling or closing it. */
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

  function replace(cycle: CycleDto): CycleDto {
    cycles.value = cycles.value.map((c) => (c.id === cycle.id ? cycle : c))
    return cycle
  }

  /** Throws ApiError (CONFLICT cycle_ended when someone ended it first) for the dialog to explain. */
  async function cancel(id: string, reason: string): Promise<CycleDto> {
    return replace((await api<{ cycle: CycleDto }>('POST', `/api/cycles/${id}/cancel`, { reason })).cycle)
  }

  /** Throws ApiError (CONFLICT cycle_unfinished while a card has not finished). */
  async function close(id: string): Promise<CycleDto> {
    return replace((await api<{ cycle: CycleDto }>('POST', `/api/cycles/${id}/close`, {})).cycle)
  }

  return { cycles, status, error, load, create, cancel, close }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCyclesStore, import.meta.hot))
