/** Messages between the runner and a server under test (scripts/bench/server.ts, floor.ts). */

export type ToServer = { type: 'heap'; id: number } | { type: 'stop' }

export type FromServer =
  | { type: 'ready'; port: number; dbUri: string }
  | { type: 'heap'; id: number; heapUsed: number; rss: number }
  | { type: 'failed'; message: string }

/** Forces a full garbage collection (the process runs with --expose-gc) and reads the heap. */
export function heapAfterGc(): { heapUsed: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc')
  // Twice: the first pass can leave garbage that only the second finds unreachable.
  gc()
  gc()
  const m = process.memoryUsage()
  return { heapUsed: m.heapUsed, rss: m.rss }
}
