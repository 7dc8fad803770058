import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CycleCreate, CycleDto } from '../../../shared/schemas/cycles'
import { api } from '../api/http'
import type { LoadStatus } from './users'

/** The list of cycles (one run of the SOP per quarter) and starting a new one. */
export const useCyclesStore = defineStore('cycles', () => {
  const cycles = ref<CycleDto[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    // Keep the list on screen while refreshing; only the first load shows a skeleton.
    if (status.value !== 'ready') status.value = 'loading'
    try {
      cycles.value = (await api<{ cycles: CycleDto[] }>('GET', '/api/cycles')).cycles
      status.value = 'ready'
      error.value = null
    } catch (err) {
      status.value = 'error'
      error.value = err instanceof Error ? err.message : String(err)
    }
  }

  /** Throws ApiError (CONFLICT when the period already runs) for the form to explain. */
  async function create(input: CycleCreate): Promise<CycleDto> {
    const { cycle } = await api<{ cycle: CycleDto }>('POST', '/api/cycles', input)
    cycles.value = [cycle, ...cycles.value.filter((c) => c.id !== cycle.id)]
    return cycle
  }

  return { cycles, status, error, load, create }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCyclesStore, import.meta.hot))
