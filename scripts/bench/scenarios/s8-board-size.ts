import { performance } from 'node:perf_hooks'
import { closeAll, openMovers, openWatchers } from '../lib/board'
import { createBoard, prepareBench } from '../lib/fixtures'
import { plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { percentile, round, sleep } from '../lib/stats'
import { eventName, ThinSocket } from '../lib/thinSocket'
import { measureAcks } from './s2-ack'

const SMALL = 24
const LARGE = 4000

/**
 * S8: what a board's size costs. The server's cost per move must not grow with the board (ack
 * p50 on a 4000-card board at most 1.5 × that on a 24-card board), a move's fact must stay small
 * (card:moved ≤ 400 B), and a 4000-card snapshot must be under 1 MB, answered within 500 ms.
 */
export const s8BoardSize: Scenario = {
  id: 'S8',
  title: `board size: move ack and frames on ${SMALL} vs ${LARGE} cards, the ${LARGE}-card snapshot`,
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      const bench = await prepareBench(server, { cards: SMALL })
      const large = await createBoard(server, bench.admin, LARGE)
      const rows: Row[] = []
      const p50: Record<number, number> = {}
      const steps = { moverPeriodMs: p.moverPeriodMs, ackSeconds: Math.max(5, p.ackSeconds / 2), ackMinSamples: Math.min(p.ackMinSamples, 200) }
      for (const [cards, cycleId] of [[SMALL, bench.cycleId], [LARGE, large]] as const) {
        const onBoard = { ...bench, cycleId }
        // A few watchers, to catch the facts a move sends; the frame size is what one of them gets.
        const watchers = await openWatchers(server.url, onBoard, 10)
        const frames: number[] = []
        watchers[0]!.onEvent = (frame) => {
          if (eventName(frame) === 'card:moved') frames.push(frame.length)
        }
        const board = await openMovers(server.url, onBoard, 1)
        const acks = await measureAcks([() => board.next(0)], steps)
        board.close()
        closeAll(watchers)
        p50[cards] = percentile(acks, 50)
        ctx.log(`${cards} cards: ${acks.length} moves, ack p50 ${p50[cards]!.toFixed(1)} ms, card:moved mean ${Math.round(frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length))} B`)
        rows.push(
          row({ id: 'S8', name: `move ack p50, one mover, ${cards}-card board`, metric: 'ack p50', value: round(p50[cards]!, 2), unit: 'ms', note: `${acks.length} moves` }),
          row({
            id: 'S8',
            name: `card:moved frame, mean, ${cards}-card board`,
            metric: 'frame size',
            value: frames.length ? Math.round(frames.reduce((a, b) => a + b, 0) / frames.length) : null,
            unit: 'B',
            target: { op: '<=', value: 400 },
            note: `${frames.length} frames as a watcher receives them`,
          }),
        )
        await sleep(300)
      }
      rows.push(
        row({
          id: 'S8',
          name: `move ack p50 on ${LARGE} cards ÷ on ${SMALL} cards`,
          metric: 'ratio',
          value: round(p50[LARGE]! / p50[SMALL]!, 2),
          unit: '×',
          target: { op: '<=', value: 1.5 },
        }),
      )

      // The snapshot: a fresh socket joins the large board, as a browser tab opening it would.
      const sizes: number[] = []
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const socket = await ThinSocket.connect(server.url, { cookie: bench.admin.cookie })
        const t0 = performance.now()
        const ack = await socket.callRaw('board:join', { cycleId: large }, 120_000)
        times.push(performance.now() - t0)
        sizes.push(ack.length)
        socket.close()
      }
      ctx.log(`${LARGE}-card snapshot: ${(sizes[0]! / 1e6).toFixed(2)} MB, join p50 ${percentile(times, 50).toFixed(0)} ms`)
      rows.push(
        row({ id: 'S8', name: `${LARGE}-card board:join snapshot size`, metric: 'size', value: round(sizes[0]! / 1e6, 3), unit: 'MB', target: { op: '<=', value: 1 } }),
        row({
          id: 'S8',
          name: `${LARGE}-card board:join round trip, p50 of 5`,
          metric: 'join p50',
          value: round(percentile(times, 50), 0),
          unit: 'ms',
          target: { op: '<=', value: 500 },
          note: 'from the command to its whole answer on loopback: the server\'s time plus the transfer',
        }),
      )
      return rows
    })
  },
}
