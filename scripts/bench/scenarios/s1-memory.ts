import { closeAll, openWatchers } from '../lib/board'
import { prepareBench } from '../lib/fixtures'
import { floorKey, plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { round, sleep } from '../lib/stats'
import type { ThinSocket } from '../lib/thinSocket'

/**
 * S1: heap per idle connection. An idle connection is a signed-in socket with the board open
 * (joined to the cycle's room), as a browser tab left on the board. Heap after a forced full GC
 * in the server process, less the heap before any watcher, over the number of sockets. Beside
 * it, what a bare Socket.IO server keeps per socket (S0), when S0 ran.
 */
export const s1Memory: Scenario = {
  id: 'S1',
  title: 'memory per idle connection',
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      // Four cards, Balangan's own board: what a socket holds does not grow with the board.
      const bench = await prepareBench(server, { cards: 4 })
      // Warm-up: the first joins load code and caches that later sockets share; not per connection.
      closeAll(await openWatchers(server.url, bench, 20))
      await sleep(500)
      const base = await server.heapUsed()
      const sockets: ThinSocket[] = []
      scope.defer(() => closeAll(sockets))
      const rows: Row[] = []
      for (const n of p.socketCounts) {
        const more = await openWatchers(server.url, bench, n - sockets.length)
        sockets.push(...more)
        await sleep(500)
        const kb = round(((await server.heapUsed()) - base) / n / 1024, 2)
        const socketIo = ctx.floors.get(floorKey.heapSocketIo(n))
        ctx.log(`${n} sockets: ${kb} KB each`)
        rows.push(
          row({
            id: 'S1',
            name: `heap per idle connection, ${n} sockets (board open)`,
            metric: 'heap/connection',
            value: kb,
            unit: 'KB',
            target: { op: '<=', value: 10 },
            floor: ctx.floors.get(floorKey.heap(n)),
            ...(socketIo === undefined ? {} : { note: `bare Socket.IO (S0): ${socketIo} KB; the app's own: ${round(kb - socketIo, 2)} KB` }),
          }),
        )
      }
      return rows
    })
  },
}

