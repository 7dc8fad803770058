import { closeAll, openWatchers } from '../lib/board'
import { FanoutTracker, findCapacity, runRate } from '../lib/fanout'
import { Mover, prepareBench } from '../lib/fixtures'
import { floorKey, plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Scenario } from '../lib/rows'
import { round } from '../lib/stats'

/**
 * S4: the highest sustained deliveries/s (moves/s × watchers reached) before fan-out p99 passes
 * 250 ms, with 1000 watchers. Moves are sent open loop at a fixed rate by five movers, each card
 * moved again only after its previous move was answered.
 */
export const s4Capacity: Scenario = {
  id: 'S4',
  title: 'sustained deliveries/s before fan-out p99 > 250 ms',
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      // 50 cards, the most a cycle has through the API: the ramp's moves spread over them so no
      // card's history (read from the card document on every move) grows far beyond a real quarter's.
      const bench = await prepareBench(server, { cards: 50 })
      const watchers = await openWatchers(server.url, bench, p.watchers)
      scope.defer(() => closeAll(watchers))
      const movers: Mover[] = []
      for (let i = 0; i < 5; i++) movers.push(await Mover.join(server.url, bench.admin.cookie, bench.cycleId, `cap${i}`))
      scope.defer(() => movers.forEach((m) => m.socket.close()))
      // Card i belongs to mover i % 5; a card in flight is skipped until its ack is back.
      const ids = [...(movers[0]?.cards.keys() ?? [])]
      const busy = new Set<string>()
      let cursor = 0
      let refused = 0
      const send = (opId: string): boolean => {
        for (let tries = 0; tries < ids.length; tries++) {
          const index = cursor++ % ids.length
          const cardId = ids[index] as string
          if (busy.has(cardId)) continue
          busy.add(cardId)
          ;(movers[index % movers.length] as Mover)
            .move(cardId, opId)
            .catch(() => refused++)
            .finally(() => busy.delete(cardId))
          return true
        }
        return false
      }
      const tracker = new FanoutTracker(watchers)
      const { best } = await findCapacity((rate) => runRate(tracker, send, rate, p.rateSeconds, 'cap'), {
        startRate: p.startRate,
        maxRate: p.maxRate,
        limitMs: 250,
        bisections: p.bisections,
        log: ctx.log,
      })
      const floor = ctx.floors.get(floorKey.capacity(p.watchers))
      const value = best ? Math.round(best.deliveriesPerSec) : null
      return [
        row({
          id: 'S4',
          name: `sustained deliveries/s with fan-out p99 ≤ 250 ms, ${p.watchers} watchers`,
          metric: 'deliveries/s',
          value,
          unit: '/s',
          floor: floor ?? null,
          target: floor ? { op: '>=', value: Math.round(0.7 * floor) } : undefined,
          note: `${best ? `${best.rate} moves/s` : 'no rate met the limit'}; target 0.7 × floor${refused ? `; ${refused} moves refused` : ''}`,
        }),
        // The ledger issue's target, beside the stricter one above.
        row({
          id: 'S4',
          name: `sustained deliveries/s ÷ raw-ws floor, ${p.watchers} watchers`,
          metric: 'ratio',
          value: value !== null && floor ? round(value / floor, 2) : null,
          unit: '×',
          target: { op: '>=', value: 0.5 },
        }),
      ]
    })
  },
}
