import { performance } from 'node:perf_hooks'
import { openMovers } from '../lib/board'
import { createBoard, prepareBench } from '../lib/fixtures'
import { plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { percentile, round } from '../lib/stats'
import { ThinSocket } from '../lib/thinSocket'
import { measureAcks } from './s2-ack'

const BOARD = 24
/** Ten quarters of a large office: the cards of other cycles the database holds in the second half. */
const OTHER_BOARDS = 10
const OTHER_CARDS = 4000

/**
 * S10: a move's cost must not depend on what else the database holds. The same 24-card board is
 * measured in a fresh database and again once the database also holds 40,000 cards of other
 * cycles: move ack p50 at most 1.2 × the fresh figure. The board's join is measured beside it
 * (after its first join a node serves a board from memory: server/cards/boardCache.ts), and so is
 * the first join on a node that does not hold it yet.
 */
export const s10DbSize: Scenario = {
  id: 'S10',
  title: `database size: a ${BOARD}-card board's moves and join, fresh and beside ${OTHER_BOARDS * OTHER_CARDS} other cards`,
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      const bench = await prepareBench(server, { cards: BOARD })
      const steps = { moverPeriodMs: 200, ackSeconds: Math.max(5, p.ackSeconds), ackMinSamples: ctx.quick ? 20 : 40 }

      let coldNodes = 0
      async function measure(label: string) {
        const board = await openMovers(server.url, bench, 1)
        const acks = await measureAcks([() => board.next(0)], steps)
        board.close()
        const joins: number[] = []
        for (let i = 0; i < 5; i++) {
          const socket = await ThinSocket.connect(server.url, { cookie: bench.admin.cookie })
          const t0 = performance.now()
          await socket.callRaw('board:join', { cycleId: bench.cycleId }, 120_000)
          joins.push(performance.now() - t0)
          socket.close()
        }
        // A node that does not hold the board yet (just started, or one whose board another
        // node wrote to): it reads the board from the database. Asked once its start-up reads
        // (the timers' running clocks) are done.
        const cold = await startServerProcess(scope, 'server.ts', { MONGODB_URI: server.dbUri }, `cold-node-${++coldNodes}`)
        await new Promise((resolve) => setTimeout(resolve, 20_000))
        const socket = await ThinSocket.connect(cold.url, { cookie: bench.admin.cookie })
        const t0 = performance.now()
        await socket.callRaw('board:join', { cycleId: bench.cycleId }, 120_000)
        const coldJoin = performance.now() - t0
        socket.close()
        await cold.stop()
        const figures = { ack: percentile(acks, 50), ack99: percentile(acks, 99), join: percentile(joins, 50), coldJoin, moves: acks.length }
        ctx.log(`${label}: ${acks.length} moves, ack p50 ${figures.ack.toFixed(1)} ms, p99 ${figures.ack99.toFixed(1)} ms, join p50 ${figures.join.toFixed(1)} ms, first join on another node ${coldJoin.toFixed(1)} ms`)
        return figures
      }

      // The first pass moves every card from step 1 on into step 2, where the later passes hand
      // it between two lanes: a different move (measured here: the second pass of a fresh
      // database 1.3 × the first, with no other cards at all). Only like is compared with like.
      await measure('warm-up, not counted')
      const fresh = await measure('fresh database')
      const t0 = performance.now()
      for (let i = 0; i < OTHER_BOARDS; i++) await createBoard(server, bench.admin, OTHER_CARDS)
      ctx.log(`${OTHER_BOARDS * OTHER_CARDS} other cards written in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
      const grown = await measure(`beside ${OTHER_BOARDS * OTHER_CARDS} other cards`)

      const rows: Row[] = []
      for (const [label, f] of [
        ['fresh database', fresh],
        [`beside ${OTHER_BOARDS * OTHER_CARDS} other cards`, grown],
      ] as const) {
        rows.push(
          row({ id: 'S10', name: `move ack p50, ${BOARD}-card board, ${label}`, metric: 'ack p50', value: round(f.ack, 2), unit: 'ms', note: `${f.moves} moves` }),
          row({ id: 'S10', name: `move ack p99, ${BOARD}-card board, ${label}`, metric: 'ack p99', value: round(f.ack99, 2), unit: 'ms' }),
          row({ id: 'S10', name: `board:join round trip p50, ${BOARD}-card board, ${label}`, metric: 'join p50', value: round(f.join, 1), unit: 'ms' }),
          row({
            id: 'S10',
            name: `first board:join on a node not holding the board, ${BOARD}-card board, ${label}`,
            metric: 'cold join',
            value: round(f.coldJoin, 1),
            unit: 'ms',
            note: 'a second server on the same database, 20 s after its start (its read of the running clocks done); it reads the board by its card ids',
          }),
        )
      }
      rows.push(
        row({
          id: 'S10',
          name: `move ack p50 beside ${OTHER_BOARDS * OTHER_CARDS} other cards ÷ fresh`,
          metric: 'ratio',
          value: round(grown.ack / fresh.ack, 2),
          unit: '×',
          target: { op: '<=', value: 1.2 },
        }),
        row({ id: 'S10', name: `board:join p50 beside ${OTHER_BOARDS * OTHER_CARDS} other cards ÷ fresh`, metric: 'ratio', value: round(grown.join / fresh.join, 2), unit: '×' }),
        row({ id: 'S10', name: `first join on another node beside ${OTHER_BOARDS * OTHER_CARDS} other cards ÷ fresh`, metric: 'ratio', value: round(grown.coldJoin / fresh.coldJoin, 2), unit: '×' }),
      )
      return rows
    })
  },
}
