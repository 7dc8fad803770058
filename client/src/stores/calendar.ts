import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { WorkCalendar } from '@shared/time/calendar'
import { api } from '../api/http'
import type { LoadStatus } from '../composables/useRemoteList'
import { errorText } from '../ui/errors/text'

/**
 * The agency's work calendar outside a board: "Tugas saya" runs its timers on it and the
 * administrator edits it. The open board keeps the copy from its own snapshot (board store).
 */
export const useCalendarStore = defineStore('calendar', () => {
  const calendar = ref<WorkCalendar | null>(null)
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)
  /** Bumped whenever the calendar is replaced from outside this tab's own save. */
  const remoteVersion = ref(0)

  async function load(): Promise<void> {
    if (status.value !== 'ready') status.value = 'loading'
    try {
      calendar.value = (await api<{ calendar: WorkCalendar }>('GET', '/api/calendar')).calendar
      status.value = 'ready'
      error.value = null
    } catch (err) {
      status.value = 'error'
      error.value = errorText(err)
    }
  }

  /** Loads once; later changes arrive live. */
  function ensureLoaded(): Promise<void> {
    return status.value === 'ready' || status.value === 'loading' ? Promise.resolve() : load()
  }

  /** Administrators only. Throws ApiError (VALIDATION with the server's sentence) for the editor to show. */
  async function save(next: WorkCalendar): Promise<WorkCalendar> {
    const saved = (await api<{ calendar: WorkCalendar }>('PUT', '/api/calendar', next)).calendar
    calendar.value = saved
    status.value = 'ready'
    return saved
  }

  /** 'calendar:changed' (realtime/events.ts), sent to every socket, the saving tab's too. */
  function applyChanged(next: WorkCalendar): void {
    // Only a tab that has the calendar keeps it current.
    if (status.value !== 'ready') return
    calendar.value = next
    remoteVersion.value++
  }

  return { calendar, status, error, remoteVersion, load, ensureLoaded, save, applyChanged }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCalendarStore, import.meta.hot))
