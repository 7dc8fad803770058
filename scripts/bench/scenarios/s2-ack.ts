import { performance } from 'node:perf_hooks'
import { closeAll, openMovers, openWatchers } from '../lib/board'
import { prepareBench } from '../lib/fixtures'
import { floorKey, plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { percentile, round, sleep } from '../lib/stats'

/**
 * Each mover acts once per `moverPeriodMs` (or right after its previous answer, if that came
 * later), from a random phase, until the step has lasted `ackSeconds` and gathered
 * `ackMinSamples`; returns every round trip in ms. Shared with the floor (S0).
 */
export async function measureAcks(
  movers: (() => Promise<number>)[],
  p: { moverPeriodMs: number; ackSeconds: number; ackMinSamples: number },
): Promise<number[]> {
  const times: number[] = []
  const until = performance.now() + p.ackSeconds * 1000
  const enough = () => performance.now() >= until && times.length >= p.ackMinSamples
  await Promise.all(
    movers.map(async (move) => {
      await sleep(Math.random() * p.moverPeriodMs)
      while (!enough()) {
        const start = performance.now()
        times.push(await move())
        const rest = p.moverPeriodMs - (performance.now() - start)
        if (rest > 0) await sleep(rest)
      }
    }),
  )
  return times
}

/** S2: move-ack latency with 1–20 movers while 1000 sockets watch the board. */
export const s2Ack: Scenario = {
  id: 'S2',
  title: 'move-ack latency, 1–20 movers, 1000 watchers',
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      // 24 cards: every one of 20 movers has a card of its own; histories stay short.
      const bench = await prepareBench(server, { cards: 24 })
      const watchers = await openWatchers(server.url, bench, p.watchers)
      scope.defer(() => closeAll(watchers))
      const rows: Row[] = []
      for (const count of p.moverCounts) {
        const board = await openMovers(server.url, bench, count)
        const acks = await measureAcks(
          board.movers.map((_, i) => () => board.next(i)),
          p,
        )
        board.close()
        ctx.log(`${count} movers: ${acks.length} moves, p50 ${percentile(acks, 50).toFixed(1)} ms, p99 ${percentile(acks, 99).toFixed(1)} ms`)
        for (const pct of [50, 99] as const) {
          rows.push(
            row({
              id: 'S2',
              name: `move ack p${pct}, ${count} mover${count > 1 ? 's' : ''}, ${p.watchers} watchers`,
              metric: `ack p${pct}`,
              value: round(percentile(acks, pct), 2),
              unit: 'ms',
              target: pct === 99 ? { op: '<=', value: 15 } : undefined,
              floor: ctx.floors.get(floorKey.ack(pct, count)),
              note: pct === 99 ? `${acks.length} moves, each mover one per ${p.moverPeriodMs} ms` : undefined,
            }),
          )
        }
        await sleep(300)
      }
      return rows
    })
  },
}
