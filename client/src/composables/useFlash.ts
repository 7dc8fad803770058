import { ref } from 'vue'

/**
 * Ids that light up for `ms` and then go dark again; lighting one again restarts its time.
 * The board marks the cards others have just moved with it.
 */
export function useFlash(ms: number) {
  const flashing = ref<Record<string, true>>({})
  const timers = new Map<string, ReturnType<typeof setTimeout>>()

  function flash(id: string): void {
    flashing.value = { ...flashing.value, [id]: true }
    const previous = timers.get(id)
    if (previous) clearTimeout(previous)
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id)
        const { [id]: _gone, ...rest } = flashing.value
        flashing.value = rest
      }, ms),
    )
  }

  function clear(): void {
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
    flashing.value = {}
  }

  return { flashing, flash, clear }
}
