import { closeAll, openMovers, openWatchers } from '../lib/board'
import { FanoutTracker } from '../lib/fanout'
import { prepareBench } from '../lib/fixtures'
import { plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Scenario } from '../lib/rows'
import { percentile, round, sleep } from '../lib/stats'
import type { ThinSocket } from '../lib/thinSocket'

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * S7: two nodes on one database sharing broadcasts through Redis (REDIS_URL, a channel prefix of
 * this run's own), both on the server core. The mover is on node A; fan-out to 1000 watchers all
 * on node A (single node), then to 500 on A and 500 on B (half of them across Redis).
 */
export const s7Nodes: Scenario = {
  id: 'S7',
  title: 'two nodes with Redis: cross-node fan-out',
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const redis = { REDIS_URL, REDIS_KEY: `papan-bench-${process.pid}-${Date.now()}` }
      const a = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-'), ...redis }, 'node-a')
      const b = await startServerProcess(scope, 'server.ts', { MONGODB_URI: a.dbUri, ...redis }, 'node-b')
      const bench = await prepareBench(a, { cards: 12 })
      const board = await openMovers(a.url, bench, 1)
      scope.defer(() => board.close())
      const samples = p.fanoutSamples(p.watchers)

      async function fanout(watchers: ThinSocket[], tag: string): Promise<number[]> {
        const tracker = new FanoutTracker(watchers)
        const times: number[] = []
        for (let i = 0; i < samples; i++) {
          const opId = `s7-${tag}-${i}-bench`
          const done = tracker.track(opId)
          await board.next(0, opId)
          times.push(await done)
          await sleep(10)
        }
        return times
      }

      const onA = await openWatchers(a.url, bench, p.watchers)
      const single = await fanout(onA, 'single')
      closeAll(onA.splice(p.watchers / 2))
      const onB = await openWatchers(b.url, bench, p.watchers / 2)
      scope.defer(() => closeAll([...onA, ...onB]))
      await sleep(500)
      const split = await fanout([...onA, ...onB], 'split')

      const singleP99 = round(percentile(single, 99), 2)
      const splitP99 = round(percentile(split, 99), 2)
      ctx.log(`single node p99 ${singleP99} ms; two nodes p99 ${splitP99} ms`)
      return [
        row({
          id: 'S7',
          name: `fan-out p99, ${p.watchers} watchers on one node (Redis adapter on)`,
          metric: 'fan-out p99',
          value: singleP99,
          unit: 'ms',
          note: `p50 ${round(percentile(single, 50), 2)} ms; ${samples} moves`,
        }),
        row({
          id: 'S7',
          name: `cross-node fan-out p99, ${p.watchers / 2} watchers on node A + ${p.watchers / 2} on node B`,
          metric: 'fan-out p99',
          value: splitP99,
          unit: 'ms',
          note: `p50 ${round(percentile(split, 50), 2)} ms; ${(splitP99 / singleP99).toFixed(2)}× single node; both nodes on the server core`,
        }),
      ]
    })
  },
}
