import { FanoutTracker, findCapacity, RawClient, runRate } from '../lib/fanout'
import { floorKey, plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { percentile, round, sleep } from '../lib/stats'
import { connectMany, type ThinSocket } from '../lib/thinSocket'
import { measureAcks } from './s2-ack'

/**
 * S0, the floor: a bare `ws` server (scripts/bench/floor.ts) measured exactly like the app in
 * S1–S4, so each of the app's figures stands beside what `ws` alone does on this machine now;
 * and a bare Socket.IO server's heap per idle socket (floor-socketio.ts), beside S1's.
 */
export const s0Floor: Scenario = {
  id: 'S0',
  title: 'floor: raw ws echo and broadcast',
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'floor.ts', { FLOOR_PAYLOAD_BYTES: String(p.floorPayloadBytes) })
      const rows: Row[] = []
      const clients: RawClient[] = []
      scope.defer(() => clients.forEach((c) => c.close()))
      const base = await server.heapUsed()

      for (const n of p.socketCounts) {
        clients.push(...(await RawClient.connectMany(server.url, n - clients.length)))
        await sleep(200)
        const perSocket = (await server.heapUsed()) - base
        const kb = round(perSocket / n / 1024, 2)
        ctx.floors.set(floorKey.heap(n), kb)
        rows.push(row({ id: 'S0', name: `raw ws: heap per idle connection, ${n} sockets`, metric: 'heap/connection', value: kb, unit: 'KB' }))

        // Fan-out: one broadcast at a time, sender outside the watchers.
        const sender = await RawClient.connect(server.url)
        const tracker = new FanoutTracker(clients)
        const times: number[] = []
        for (let i = 0; i < p.fanoutSamples(n); i++) {
          const opId = `floor-${n}-${i}`
          const done = tracker.track(opId)
          sender.broadcast(opId)
          times.push(await done)
          await sleep(10)
        }
        sender.close()
        for (const pct of [50, 99] as const) {
          const v = round(percentile(times, pct), 2)
          ctx.floors.set(floorKey.fanout(pct, n), v)
          rows.push(row({ id: 'S0', name: `raw ws broadcast: fan-out p${pct}, ${n} watchers`, metric: `fan-out p${pct}`, value: v, unit: 'ms' }))
        }

        if (n === p.watchers) {
          // The S2 floor: "movers" whose message is echoed to them and broadcast to everyone else.
          for (const movers of p.moverCounts) {
            const senders = await RawClient.connectMany(server.url, movers)
            const acks = await measureAcks(
              senders.map((s) => () => s.moveLike(`floor-ack-${Math.random().toString(36).slice(2)}`)),
              p,
            )
            senders.forEach((s) => s.close())
            for (const pct of [50, 99] as const) {
              const v = round(percentile(acks, pct), 2)
              ctx.floors.set(floorKey.ack(pct, movers), v)
              rows.push(row({ id: 'S0', name: `raw ws echo+broadcast: round trip p${pct}, ${movers} mover${movers > 1 ? 's' : ''}, ${n} watchers`, metric: `echo p${pct}`, value: v, unit: 'ms' }))
            }
          }

          // The S4 floor: the highest broadcast rate before fan-out p99 passes 250 ms.
          const sender = await RawClient.connect(server.url)
          const rateTracker = new FanoutTracker(clients)
          const { best } = await findCapacity(
            (rate) =>
              runRate(rateTracker, (opId) => {
                sender.broadcast(opId)
                return true
              }, rate, p.rateSeconds, 'floor'),
            { startRate: p.startRate, maxRate: p.maxRate, limitMs: 250, bisections: p.bisections, log: (s) => ctx.log(`floor ${s}`) },
          )
          sender.close()
          const capacity = best ? Math.round(best.deliveriesPerSec) : null
          if (capacity !== null) ctx.floors.set(floorKey.capacity(n), capacity)
          rows.push(
            row({
              id: 'S0',
              name: `raw ws broadcast: sustained deliveries/s with fan-out p99 ≤ 250 ms, ${n} watchers`,
              metric: 'deliveries/s',
              value: capacity,
              unit: '/s',
              note: best ? `${best.rate} broadcasts/s of ${p.floorPayloadBytes} B` : 'no rate met the limit',
            }),
          )
        }
      }

      // What Socket.IO alone keeps per idle socket: the part of S1 that no app code can save.
      const socketIo = await startServerProcess(scope, 'floor-socketio.ts', {}, 'floor-socketio')
      const sockets: ThinSocket[] = []
      scope.defer(() => sockets.forEach((s) => s.close()))
      // Warmed up as S1's server is: the first sockets load code that later ones share.
      ;(await connectMany(socketIo.url, 20, () => '')).forEach((s) => s.close())
      await sleep(500)
      const socketIoBase = await socketIo.heapUsed()
      for (const n of p.socketCounts) {
        sockets.push(...(await connectMany(socketIo.url, n - sockets.length, () => '')))
        await sleep(200)
        const kb = round(((await socketIo.heapUsed()) - socketIoBase) / n / 1024, 2)
        ctx.floors.set(floorKey.heapSocketIo(n), kb)
        rows.push(row({ id: 'S0', name: `bare Socket.IO: heap per idle connection, ${n} sockets`, metric: 'heap/connection', value: kb, unit: 'KB', note: 'websocket transport, each socket in three rooms, no app' }))
      }
      return rows
    })
  },
}
