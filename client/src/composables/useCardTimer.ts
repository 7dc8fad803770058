import { computed, type ComputedRef } from 'vue'
import type { Waktu } from '@shared/domain/template'
import type { WorkCalendar } from '@shared/time/calendar'
import { addWorkingMs, timerAt, type TimerReading } from '@shared/time/workingTime'
import { effectiveWaktu } from '@shared/domain/stepClock'
import { useAlarmClock } from './useNow'

const SECOND = 1_000
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

export interface TimerSource {
  /** When the card entered its current step (ISO, UTC). */
  enteredAt: string
  /** The step's standard; absent for the "Selesai" column, which has no timer. */
  waktu: Waktu | undefined
  /** Units of it granted by dispensations in this visit. */
  extended?: number
  calendar: WorkCalendar | null
  /** Server clock minus browser clock. */
  offsetMs: number
}

/**
 * Office time until a duration printed by formatDuration (client/src/lib/duration.ts) reads
 * differently: to the second under a minute, otherwise to the minute. `ms` grows (time used, time
 * late) or, for time left (rounded up), shrinks. Waking a little early is harmless: nothing changes.
 */
function untilWordsChange(ms: number, shrinking: boolean): number {
  const abs = Math.abs(ms)
  const unit = abs <= MINUTE ? SECOND : MINUTE
  const into = abs % unit
  return shrinking ? into || unit : unit - into
}

/**
 * The instant (server clock) at which the reading next changes what a timer shows: its words
 * (whole minutes used, left or late; seconds under a minute), its state (the at-risk and due
 * instants, the office opening or closing), or why it is paused.
 */
function nextChangeAt(cal: WorkCalendar, r: TimerReading, at: number): number {
  const thresholds = [r.atRiskAt.getTime(), r.dueAt.getTime() + 1].filter((t) => t > at)
  const threshold = Math.min(...thresholds)
  if (r.pause) {
    // Nothing counts until the office opens; the reason can change only at local midnight.
    const opens = addWorkingMs(cal, new Date(at), 1).getTime() - 1
    const offset = cal.utcOffsetMinutes * MINUTE
    const midnight = Math.floor((at + offset) / DAY) * DAY + DAY - offset
    return Math.min(threshold, opens, midnight)
  }
  const words = r.state === 'overdue' ? untilWordsChange(r.remainingMs, false) : Math.min(untilWordsChange(r.elapsedMs, false), untilWordsChange(r.remainingMs, true))
  const turn = at + words
  // Office time runs with the wall clock unless the office closes first. Opening hours are whole
  // local minutes (and the zone's offset is whole minutes), so look again at the next minute.
  if (addWorkingMs(cal, new Date(at), words).getTime() === turn) return Math.min(threshold, turn)
  return Math.min(threshold, Math.floor(at / MINUTE) * MINUTE + MINUTE)
}

/**
 * The live working-time reading of one card's step, with the same arithmetic the server uses for
 * its thresholds (shared/time/workingTime.ts), so the browser needs no message per second. It is
 * recomputed only when what it shows can change (see nextChangeAt): a board of thousands of cards
 * stays idle between those instants. Null without a calendar or a standard, or if the calendar is
 * broken.
 */
export function useCardTimer(source: () => TimerSource | null): ComputedRef<TimerReading | null> {
  const clock = useAlarmClock()
  return computed(() => {
    const s = source()
    if (!s?.waktu || !s.calendar) return null
    const entry = new Date(s.enteredAt)
    if (Number.isNaN(entry.getTime())) return null
    const at = clock.now.value + s.offsetMs
    try {
      const reading = timerAt(s.calendar, entry, effectiveWaktu(s.waktu, s.extended), new Date(at))
      // Set here, where the reading is made: any new input (a move, a calendar edit) re-arms it.
      clock.wakeAt(nextChangeAt(s.calendar, reading, at) - s.offsetMs)
      return reading
    } catch {
      // A calendar without any office day for years makes the arithmetic give up; show no timer
      // rather than break the board. The administrator's editor refuses such a calendar.
      return null
    }
  })
}
