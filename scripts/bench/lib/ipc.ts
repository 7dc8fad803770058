import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Messages between the runner and a server under test (scripts/bench/server.ts, floor.ts, floor-socketio.ts). */

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

/**
 * A floor server's side of the runner's messages (floor.ts, floor-socketio.ts): heap readings,
 * `stop` (or the runner gone) calls `stop`; listens on a free loopback port and says which.
 */
export function serveRunner(httpServer: Server, stop: () => void): void {
  const send = (msg: FromServer) => process.send?.(msg)
  process.on('message', (msg: ToServer) => {
    if (msg.type === 'heap') send({ type: 'heap', id: msg.id, ...heapAfterGc() })
    else if (msg.type === 'stop') stop()
  })
  process.on('disconnect', stop)
  httpServer.listen(0, '127.0.0.1', () => {
    send({ type: 'ready', port: (httpServer.address() as AddressInfo).port, dbUri: '' })
  })
}
