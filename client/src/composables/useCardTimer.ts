import { computed, type ComputedRef } from 'vue'
import type { Waktu } from '../../../shared/sop/template'
import type { WorkCalendar } from '../../../shared/time/calendar'
import { timerAt, type TimerReading } from '../../../shared/time/workingTime'
import { useNow } from './useNow'

export interface TimerSource {
  /** When the card entered its current step (ISO, UTC). */
  enteredAt: string
  /** The step's standard; absent for the "Selesai" column, which has no timer. */
  waktu: Waktu | undefined
  calendar: WorkCalendar | null
  /** Server clock minus browser clock. */
  offsetMs: number
}

/**
 * The live working-time reading of one card's step, recomputed on the shared clock's tick with the
 * same arithmetic the server uses for its thresholds (shared/time/workingTime.ts), so the browser
 * needs no message per second. Null without a calendar or a standard, or if the calendar is broken.
 */
export function useCardTimer(source: () => TimerSource | null): ComputedRef<TimerReading | null> {
  const now = useNow()
  return computed(() => {
    const s = source()
    if (!s?.waktu || !s.calendar) return null
    const entry = new Date(s.enteredAt)
    if (Number.isNaN(entry.getTime())) return null
    try {
      return timerAt(s.calendar, entry, s.waktu, new Date(now.value + s.offsetMs))
    } catch {
      // A calendar without any office day for years makes the arithmetic give up; show no timer
      // rather than break the board. The administrator's editor refuses such a calendar.
      return null
    }
  })
}
