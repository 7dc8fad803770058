import { performance } from 'node:perf_hooks'
import type { Ack } from '../../../shared/protocol/events'
import type { BoardSnapshot } from '../../../shared/protocol/board'
import { unpacked } from '../../../server/test/client'
import { closeAll, openMovers } from '../lib/board'
import { prepareBench } from '../lib/fixtures'
import { plan } from '../lib/plan'
import { startServerProcess, withScope } from '../lib/processes'
import { row, type Scenario } from '../lib/rows'
import { eachLimit, sleep } from '../lib/stats'
import { eventName, movedCard, ThinSocket } from '../lib/thinSocket'

const MOVES_PER_SECOND = 20
const SPREAD_MS = 2000

/**
 * A watcher that keeps the board the way the web client does (client/src/stores/board.ts): a
 * `card:moved` is applied when its version is newer than the card held; a snapshot replaces each
 * card unless the one held is newer (a broadcast can overtake the snapshot it is newer than).
 */
class BoardReplica {
  readonly versions = new Map<string, number>()
  socket: ThinSocket | undefined

  attach(socket: ThinSocket): void {
    this.socket = socket
    socket.onEvent = (frame) => {
      if (eventName(frame) !== 'card:moved') return
      const { id, version } = movedCard(frame)
      this.keep(id, version)
    }
  }

  async join(cycleId: string): Promise<void> {
    const ack = await (this.socket as ThinSocket).call<Ack<BoardSnapshot>>('board:join', { cycleId }, 120_000)
    if (!ack.ok) throw new Error(`board:join refused: ${ack.error.code}`)
    for (const c of unpacked(ack.data).cards) this.keep(c.id, c.version)
  }

  private keep(id: string, version: number): void {
    if ((this.versions.get(id) ?? 0) < version) this.versions.set(id, version)
  }
}

/** Boards (and cards in all) that hold another version of some card than `truth`. */
function behind(boards: Map<string, number>[], truth: Map<string, number>): { boards: number; cards: number } {
  let stale = 0
  let cards = 0
  for (const versions of boards) {
    let n = 0
    for (const [id, version] of truth) if (versions.get(id) !== version) n++
    if (n) stale++
    cards += n
  }
  return { boards: stale, cards }
}

/**
 * S5: 1000 watchers lose their connections at once and come back at random within 2 s, while
 * moves go on; measured: the time until the last of them has its board again, and whether any
 * board misses a move once everything has settled.
 */
export const s5Reconnect: Scenario = {
  id: 'S5',
  title: '1000 sockets drop and reconnect within 2 s',
  async run(ctx) {
    const p = plan(ctx)
    return withScope(async (scope) => {
      const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-') })
      const bench = await prepareBench(server, { cards: 24 })
      const cookieOf = (i: number) => (bench.viewers[i % bench.viewers.length] ?? bench.admin).cookie
      const replicas = Array.from({ length: p.watchers }, () => new BoardReplica())
      scope.defer(() => replicas.forEach((r) => r.socket?.close()))
      await eachLimit(replicas, 20, async (r, i) => {
        r.attach(await ThinSocket.connect(server.url, { cookie: cookieOf(i) }))
        await r.join(bench.cycleId)
      })

      // One mover, a move every 50 ms, each card moved again only once its last move is answered.
      const board = await openMovers(server.url, bench, 1)
      scope.defer(() => board.close())
      let moving = true
      let moves = 0
      let stalled = 0
      let slowest = 0
      const mover = (async () => {
        while (moving) {
          const started = performance.now()
          try {
            slowest = Math.max(slowest, await board.next(0))
            moves++
          } catch {
            // No answer in time: the move may still be applied; read the board again.
            stalled++
            await board.movers[0]?.refresh(bench.cycleId).catch(() => undefined)
          }
          await sleep(Math.max(0, 1000 / MOVES_PER_SECOND - (performance.now() - started)))
        }
      })()
      await sleep(1000)

      const dropAt = performance.now()
      const movesBefore = moves
      for (const r of replicas) r.socket?.terminate()
      let lastResync = 0
      let failed = 0
      await Promise.all(
        replicas.map(async (r, i) => {
          await sleep(Math.random() * SPREAD_MS)
          try {
            r.attach(await ThinSocket.connect(server.url, { cookie: cookieOf(i), timeoutMs: 60_000 }))
            await r.join(bench.cycleId)
            lastResync = Math.max(lastResync, performance.now() - dropAt)
          } catch (err) {
            failed++
            ctx.log(`reconnect failed: ${String(err)}`)
          }
        }),
      )
      const movesDuring = moves - movesBefore
      await sleep(1000)
      moving = false
      await mover
      // Everything answered; give the last broadcasts time to arrive.
      await sleep(1000)

      // The truth: the board as a fresh snapshot reads it now that everything has settled.
      const referee = new BoardReplica()
      referee.attach(await ThinSocket.connect(server.url, { cookie: bench.admin.cookie }))
      await referee.join(bench.cycleId)
      referee.socket?.close()
      const truth = referee.versions
      const lost = behind(replicas.map((r) => r.versions), truth)
      ctx.log(`resync ${Math.round(lastResync)} ms; ${movesDuring} moves meanwhile, ${stalled} unanswered, slowest ack ${Math.round(slowest)} ms; ${lost.boards} boards behind (${lost.cards} cards); ${failed} failed`)
      closeAll(replicas.flatMap((r) => (r.socket ? [r.socket] : [])))
      return [
        row({
          id: 'S5',
          name: `time to full resync, ${p.watchers} sockets dropped, back within ${SPREAD_MS / 1000} s`,
          metric: 'resync',
          value: failed ? null : Math.round(lastResync),
          unit: 'ms',
          note: `${movesDuring} moves made meanwhile (asked: ${MOVES_PER_SECOND}/s); slowest move ack ${Math.round(slowest)} ms; ${stalled} moves unanswered for 10 s; ${failed} reconnects failed`,
        }),
        row({
          id: 'S5',
          name: 'boards missing a move after the resync',
          metric: 'boards behind',
          value: lost.boards,
          unit: 'boards',
          target: { op: '<=', value: 0 },
          note: `${lost.cards} card versions behind in total, of ${p.watchers} boards × ${truth.size} cards; ${moves} moves in all`,
        }),
      ]
    })
  },
}
