import type { Clock } from '../clock'

/**
 * Fixed-window counters in memory: enough for one node. Several nodes each count their own
 * attempts, which still bounds a brute force to nodes × limit per window.
 */
export function createRateLimiter(clock: Clock, opts: { limit: number; windowMs: number }) {
  const windows = new Map<string, { count: number; resetAt: number }>()

  function sweep(now: number) {
    if (windows.size < 10_000) return
    for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key)
  }

  return {
    /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
    hit(key: string): number {
      const now = clock().getTime()
      sweep(now)
      let w = windows.get(key)
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + opts.windowMs }
        windows.set(key, w)
      }
      w.count++
      return w.count > opts.limit ? Math.ceil((w.resetAt - now) / 1000) : 0
    },
    reset(key: string): void {
      windows.delete(key)
    },
    /** Takes back one counted attempt (a success), so only failures use up a shared budget. */
    release(key: string): void {
      const w = windows.get(key)
      if (w && w.count > 0) w.count--
    },
  }
}
export type RateLimiter = ReturnType<typeof createRateLimiter>
