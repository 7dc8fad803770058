import { onScopeDispose, readonly, ref, type Ref } from 'vue'

// Every second: step timers read working time live, and a minute must flip on time. Only the board
// and "Tugas saya" use the clock, so the interval runs only while one of them is on screen.
const TICK_MS = 1_000
const now = ref(Date.now())
let subscribers = 0
let timer: ReturnType<typeof setInterval> | null = null

function tick(): void {
  now.value = Date.now()
}

function onVisible(): void {
  // Background tabs throttle timers; catch up the moment the board is looked at again.
  if (document.visibilityState === 'visible') tick()
}

/**
 * One shared clock for every card's timer: a single interval for the whole page instead of one
 * per card, running only while something on screen uses it. Browser time; add the server's clock
 * offset (board.clockOffsetMs) before comparing with stored instants.
 */
export function useNow(): Readonly<Ref<number>> {
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
  return readonly(now)
}
