import { onScopeDispose, readonly, ref, type Ref } from 'vue'

const TICK_MS = 30_000
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
 * One shared clock for every card's elapsed time: a single interval for the whole page instead of
 * one per card, running only while something on screen uses it.
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
