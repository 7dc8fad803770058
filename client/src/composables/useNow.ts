import { onScopeDispose, readonly, ref, shallowRef, type Ref } from 'vue'

// Every second: a minute must flip on time, and under a minute a timer counts in seconds. Only the
// board, "Tugas saya" and the wall use the clock, so the interval runs only while one is on screen.
const TICK_MS = 1_000
const now = ref(Date.now())
let lastTick = now.value
let subscribers = 0
let timer: ReturnType<typeof setInterval> | null = null

interface Alarm {
  at: number
  now: Ref<number>
}
const alarms = new Set<Alarm>()

function tick(): void {
  const at = Date.now()
  // A clock set back (or moved by a test) invalidates every wake-up computed from the old time.
  const back = at < lastTick
  lastTick = at
  now.value = at
  for (const alarm of alarms) {
    if (alarm.at > at && !back) continue
    alarm.at = Infinity
    alarm.now.value = at
  }
}

function onVisible(): void {
  // Background tabs throttle timers; catch up the moment the board is looked at again.
  if (document.visibilityState === 'visible') tick()
}

function subscribe(): void {
  if (subscribers++ === 0) {
    tick()
    timer = setInterval(tick, TICK_MS)
    document.addEventListener('visibilitychange', onVisible)
  }
  onScopeDispose(() => {
    if (--subscribers === 0 && timer) {
      clearInterval(timer)
      timer = null
      document.removeEventListener('visibilitychange', onVisible)
    }
  })
}

/**
 * One shared clock for the page: a single interval instead of one per component, running only
 * while something on screen uses it. Browser time; add the server's clock offset
 * (board.clockOffsetMs) before comparing with stored instants.
 */
export function useNow(): Readonly<Ref<number>> {
  subscribe()
  return readonly(now)
}

export interface AlarmClock {
  /** Browser time of the last wake-up; moves only when the alarm rings. */
  now: Readonly<Ref<number>>
  /** Ring at the first tick at or after this browser time (replaces the previous alarm). */
  wakeAt(at: number): void
}

/**
 * The shared clock for something that changes only at instants it can tell in advance (a card's
 * timer text turns once a minute): its `now` moves only when its alarm rings, so a board of
 * thousands of cards recomputes the few that are due each second instead of every card.
 */
export function useAlarmClock(): AlarmClock {
  subscribe()
  const alarm: Alarm = { at: Infinity, now: shallowRef(lastTick) }
  alarms.add(alarm)
  onScopeDispose(() => alarms.delete(alarm))
  return {
    now: alarm.now,
    wakeAt(at) {
      alarm.at = at
    },
  }
}
