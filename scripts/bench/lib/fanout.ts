import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { eventName, movedOpId } from './thinSocket'
import { eachLimit, percentile, sleep } from './stats'

/** Anything that hands over event frames as they arrive: a ThinSocket, or a RawClient of the floor. */
export interface Receiver {
  onEvent: ((frame: Buffer, at: number) => void) | undefined
}

interface Pending {
  sentAt: number
  count: number
  lastAt: number
  done?: (ms: number) => void
}

/**
 * Fan-out latency: for each move (recognised by its opId in the `card:moved` frame), the time
 * from its sending to its arrival at the LAST watcher. Each watcher's arrival is taken when the
 * load generator reads the frame, so the figure includes reading N frames on one core, for the
 * app and for the floor alike.
 */
export class FanoutTracker {
  private readonly pending = new Map<string, Pending>()
  /** Frames of moves received (deliveries), whether tracked or not. */
  delivered = 0

  constructor(
    receivers: readonly Receiver[],
    private readonly expected = receivers.length,
  ) {
    const onEvent = (frame: Buffer, at: number) => {
      if (eventName(frame) !== 'card:moved') return
      this.delivered++
      const p = this.pending.get(movedOpId(frame))
      if (!p) return
      p.count++
      p.lastAt = at
      if (p.count === this.expected) {
        this.pending.delete(movedOpId(frame))
        p.done?.(p.lastAt - p.sentAt)
      }
    }
    for (const r of receivers) r.onEvent = onEvent
  }

  /** Call just before sending the move `opId`; resolves with its fan-out time, or Infinity after `timeoutMs`. */
  track(opId: string, timeoutMs = 10_000): Promise<number> {
    const p: Pending = { sentAt: performance.now(), count: 0, lastAt: 0 }
    this.pending.set(opId, p)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(opId)
        resolve(Number.POSITIVE_INFINITY)
      }, timeoutMs)
      p.done = (ms) => {
        clearTimeout(timer)
        resolve(ms)
      }
    })
  }
}

/** A bare `ws` client of the floor server. */
export class RawClient implements Receiver {
  onEvent: ((frame: Buffer, at: number) => void) | undefined
  private echo: ((at: number) => void) | undefined

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const at = performance.now()
      if (data[0] === 0x34) this.onEvent?.(data, at)
      else this.echo?.(at)
    })
  }

  static connect(url: string): Promise<RawClient> {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false })
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawClient(ws)))
      ws.once('error', reject)
    })
  }

  static async connectMany(url: string, count: number): Promise<RawClient[]> {
    const clients: RawClient[] = []
    await eachLimit(Array.from({ length: count }), 50, async () => {
      clients.push(await RawClient.connect(url))
    })
    return clients
  }

  /** Broadcast to the others (no answer). */
  broadcast(id: string): void {
    this.ws.send(`b${id}`)
  }

  /** Echo to me and broadcast to the others, like a move: resolves with the round trip in ms. */
  moveLike(id: string): Promise<number> {
    const sentAt = performance.now()
    return new Promise((resolve) => {
      this.echo = (at) => {
        this.echo = undefined
        resolve(at - sentAt)
      }
      this.ws.send(`x${id}`)
    })
  }

  close(): void {
    this.ws.terminate()
  }
}

export interface RateStep {
  /** Moves (or floor broadcasts) per second asked for. */
  rate: number
  /** Deliveries per second actually received by the watchers during the step. */
  deliveriesPerSec: number
  /** Fan-out p99 in ms over the step's moves (a move not delivered to all counts as infinite). */
  p99: number
  sent: number
}

/**
 * Sends `rate` moves per second for `seconds`, open loop (on schedule, not after the previous
 * answer), and measures what the watchers received and how late.
 */
export async function runRate(
  tracker: FanoutTracker,
  send: (opId: string) => boolean,
  rate: number,
  seconds: number,
  tag: string,
): Promise<RateStep> {
  const start = performance.now()
  const deliveredBefore = tracker.delivered
  const latencies: Promise<number>[] = []
  let n = 0
  let skipped = 0
  const total = Math.round(rate * seconds)
  while (n + skipped < total) {
    const due = start + ((n + skipped) * 1000) / rate
    const wait = due - performance.now()
    if (wait > 1) await sleep(wait)
    const opId = `${tag}-${rate}-${n + skipped}-bench`
    const latency = tracker.track(opId, 5_000)
    if (send(opId)) {
      latencies.push(latency)
      n++
    } else {
      skipped++
    }
  }
  const lat = await Promise.all(latencies)
  const elapsed = (performance.now() - start) / 1000
  const p99 = skipped > 0 ? Number.POSITIVE_INFINITY : percentile(lat, 99)
  return { rate, deliveriesPerSec: (tracker.delivered - deliveredBefore) / elapsed, p99, sent: n }
}

/**
 * The highest sustained rate before fan-out p99 passes `limitMs`: doubles the rate until a step
 * fails, then bisects between the last good and the first bad rate.
 */
export async function findCapacity(
  step: (rate: number) => Promise<RateStep>,
  opts: { startRate: number; maxRate: number; limitMs: number; bisections: number; log: (s: string) => void },
): Promise<{ best: RateStep | undefined; steps: RateStep[] }> {
  const steps: RateStep[] = []
  const run = async (rate: number) => {
    const s = await step(rate)
    steps.push(s)
    opts.log(`rate ${rate}/s: ${Math.round(s.deliveriesPerSec)} deliveries/s, p99 ${Number.isFinite(s.p99) ? s.p99.toFixed(1) : '∞'} ms`)
    return s
  }
  let best: RateStep | undefined
  let bad: number | undefined
  for (let rate = opts.startRate; rate <= opts.maxRate; rate *= 2) {
    const s = await run(rate)
    if (s.p99 <= opts.limitMs) best = s
    else {
      bad = rate
      break
    }
  }
  for (let i = 0; i < opts.bisections && bad !== undefined && best; i++) {
    const rate = Math.round((best.rate + bad) / 2)
    if (rate <= best.rate || rate >= bad) break
    const s = await run(rate)
    if (s.p99 <= opts.limitMs) best = s
    else bad = rate
  }
  return { best, steps }
}
