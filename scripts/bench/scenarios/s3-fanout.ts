import { performance } from 'node:perf_hooks'
import { closeAll, openMovers, openWatchers } from '../lib/board'
import { FanoutTracker } from '../lib/fanout'
import { prepareBench } from '../lib/fixtures'
import { floorKey, plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { mean, percentile, round, sleep } from '../lib/stats'
import { eventName, type ThinSocket } from '../lib/thinSocket'

const TARGET_MS: Record<number, number> = { 100: 10, 1000: 50, 5000: 250 }

/** S3: fan-out latency, from a move sent to its `card:moved` read by the last watcher. */
export const s3Fanout: Scenario = {
  id: 'S3',
  title: 'fan-out latency at 100 / 1000 / 5000 watchers',
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      // Twelve cards: each is moved some twenty times in all, and 5000 joins stay affordable (each
      // reads the whole board). A card:moved carries the slim card only, whatever its history.
      const bench = await prepareBench(server, { cards: 12 })
      const watchers: ThinSocket[] = []
      scope.defer(() => closeAll(watchers))
      const board = await openMovers(server.url, bench, 1)
      scope.defer(() => board.close())
      const rows: Row[] = []
      for (const n of p.socketCounts) {
        const joinStart = performance.now()
        watchers.push(...(await openWatchers(server.url, bench, n - watchers.length)))
        ctx.log(`${n} watchers on the board after ${((performance.now() - joinStart) / 1000).toFixed(1)} s`)
        const tracker = new FanoutTracker(watchers)
        let bytes = 0
        const first = watchers[0]
        const onFirst = first?.onEvent
        if (first) {
          first.onEvent = (frame, at) => {
            if (eventName(frame) === 'card:moved') bytes += frame.length
            onFirst?.(frame, at)
          }
        }
        const times: number[] = []
        const samples = p.fanoutSamples(n)
        for (let i = 0; i < samples; i++) {
          const opId = `s3-${n}-${i}-bench`
          const done = tracker.track(opId)
          await board.next(0, opId)
          times.push(await done)
          await sleep(10)
        }
        const frameBytes = Math.round(bytes / samples)
        ctx.log(`${n} watchers: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, mean frame ${frameBytes} B`)
        for (const pct of [50, 99] as const) {
          const target = TARGET_MS[n]
          rows.push(
            row({
              id: 'S3',
              name: `fan-out p${pct} (move sent → last watcher), ${n} watchers`,
              metric: `fan-out p${pct}`,
              value: round(percentile(times, pct), 2),
              unit: 'ms',
              target: pct === 99 && target ? { op: '<=', value: target } : undefined,
              floor: ctx.floors.get(floorKey.fanout(pct, n)),
              note: pct === 99 ? `${samples} moves one after another; card:moved frames ${frameBytes} B on average (mean ${round(mean(times), 1)} ms)` : undefined,
            }),
          )
        }
        // The ledger issue's target: within twice what a bare ws server needs for the same fan-out.
        const floor = ctx.floors.get(floorKey.fanout(99, n))
        if (floor) {
          rows.push(
            row({
              id: 'S3',
              name: `fan-out p99 ÷ raw-ws floor, ${n} watchers`,
              metric: 'ratio',
              value: round(percentile(times, 99) / floor, 2),
              unit: '×',
              target: { op: '<=', value: 2 },
            }),
          )
        }
      }
      return rows
    })
  },
}
