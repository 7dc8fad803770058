import { performance } from 'node:perf_hooks'
import type { Bench } from './fixtures'
import { Mover } from './fixtures'
import { eachLimit } from './stats'
import { ThinSocket, connectMany } from './thinSocket'

/**
 * Watchers: sockets that have the board open (connected with one of the viewers' sessions and
 * joined to the cycle), as many browser tabs would. Joined `parallel` at a time.
 */
export async function openWatchers(url: string, bench: Bench, count: number, parallel = 20): Promise<ThinSocket[]> {
  const sockets = await connectMany(url, count, (i) => (bench.viewers[i % bench.viewers.length] ?? bench.admin).cookie)
  await joinAll(sockets, bench.cycleId, parallel)
  return sockets
}

export async function joinAll(sockets: readonly ThinSocket[], cycleId: string, parallel = 20): Promise<void> {
  await eachLimit(sockets, parallel, async (s) => {
    const ack = await s.callRaw('board:join', { cycleId }, 120_000)
    if (ack.indexOf('"ok":true') < 0) throw new Error(`board:join refused: ${ack.toString('utf8', 0, 200)}`)
  })
}

export function closeAll(sockets: readonly ThinSocket[]): void {
  for (const s of sockets) s.close()
}

/**
 * `count` movers (administrators' sockets on the board), each with its own share of the cards so
 * that no two race for one card; `next(i)` moves mover i's next card and resolves with the ack time.
 */
export async function openMovers(url: string, bench: Bench, count: number) {
  const movers: Mover[] = []
  for (let i = 0; i < count; i++) movers.push(await Mover.join(url, bench.admin.cookie, bench.cycleId, `m${i}`))
  const ids = [...(movers[0]?.cards.keys() ?? [])]
  if (ids.length < count) throw new Error(`${count} movers need at least ${count} cards`)
  const shares = movers.map((_, i) => ids.filter((_, j) => j % count === i))
  const turn = movers.map(() => 0)
  return {
    movers,
    /** Moves mover i's next card; resolves with the time to its ack in ms. */
    async next(i: number, opId?: string): Promise<number> {
      const mover = movers[i] as Mover
      const share = shares[i] as string[]
      const cardId = share[turn[i]! % share.length] as string
      turn[i] = turn[i]! + 1
      const start = performance.now()
      await mover.move(cardId, opId)
      return performance.now() - start
    },
    close(): void {
      for (const m of movers) m.socket.close()
    },
  }
}
