import type { Connection, Types } from 'mongoose'
import type { TimerThreshold } from '../../shared/protocol/events'
import type { Clock } from '../platform/clock'
import type { CardRecord } from '../cards/model'
import type { CardsRepository } from '../cards/repository'
import type { ClockIndex, RunningClock } from './clocks'
import type { Logger } from '../platform/logger'
import type { Bus } from '../platform/bus'

/** A claim of the versions before timer crossings were card events: read, never written now. */
interface LegacyClaim {
  _id: string
}

export interface TimerSchedulerDeps {
  db: Connection
  cards: CardsRepository
  /** The running step clocks, this node's copy: a pass reads no card collection. */
  clocks: ClockIndex
  /** Each crossing is published as timer.crossed (boards and walls are told by the broadcast). */
  bus: Bus
  clock: Clock
  log: Logger
  /** The cycles whose clocks have stopped (cancelled, closed), read at each pass. */
  stoppedCycles: () => Promise<Types.ObjectId[]>
  /** Called once per threshold crossing, by the one node that claimed it (notifications). */
  onThreshold?: (event: TimerThreshold, card: CardRecord) => Promise<void>
  /** Upper bound of one sleep, so thresholds written by other nodes are noticed in time. */
  maxSleepMs?: number
}

/** The earliest threshold of `clocks` still ahead of `now`, or null. */
function nextThreshold(clocks: RunningClock[], now: Date): Date | null {
  let next = Infinity
  for (const c of clocks) for (const at of [c.atRiskAt, c.dueAt]) if (at && at > now && at.getTime() < next) next = at.getTime()
  return Number.isFinite(next) ? new Date(next) : null
}

/**
 * Wakes at the next at-risk or due instant among all running cards and announces each crossing
 * exactly once. The claim is the crossing's event in the card's chain (cards.recordCrossing): its
 * operation id names the card's threshold, and of several nodes (or a restarted one) exactly one
 * insert of it succeeds, which MongoDB and FerretDB both guarantee for a unique key. A claim on
 * the card document itself would not be safe on FerretDB v1, whose updates are a read and a
 * write without a transaction.
 */
export function createTimerScheduler(deps: TimerSchedulerDeps) {
  const { cards, clocks, bus, clock } = deps
  const log = deps.log.child({ component: 'timers' })
  // Versions before the ledger held crossings claimed in `timer_events`: those were announced.
  const legacy = deps.db.collection<LegacyClaim>('timer_events')
  // Asked once, at the start: an installation that never ran those versions has none to look up.
  let hadLegacy: Promise<boolean> | undefined
  const askLegacy = () => (hadLegacy ??= legacy.estimatedDocumentCount().then((n) => n > 0))
  const legacyClaimed = async (...ids: string[]) => {
    if (!(await askLegacy())) return false
    for (const _id of ids) if (await legacy.findOne({ _id })) return true
    return false
  }
  const maxSleepMs = deps.maxSleepMs ?? 60_000
  // Claims this node already saw, so an overdue card is not re-claimed at every wake.
  const known = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  /** When the timer is set to wake (clock time, ms). */
  let plannedAt: number | undefined
  /** The earliest threshold handed to wakeBy while a pass was running (its query may predate it). */
  let handedAt: number | undefined
  let running: Promise<void> | undefined
  let again = false
  let stopped = true

  /**
   * The crossing is named by its card, state and instant, not by the card's version: an undo
   * raises the version but puts back the thresholds it had, and a crossing already announced is
   * not news again. (A later visit to the same step has thresholds of its own.) The card as
   * recorded, or null when it was announced before.
   */
  async function claim(card: RunningClock, state: TimerThreshold['state'], at: Date, now: Date): Promise<CardRecord | null> {
    const id = `${card.cardId}:${state}:${at.getTime()}`
    if (known.has(id)) return null
    try {
      const versioned = `${card.cardId}:${card.version}:${state}:${at.getTime()}`
      if (await legacyClaimed(id, versioned)) return null
      return await cards.recordCrossing(card.cardId, state, at, now)
    } finally {
      known.add(id)
    }
  }

  const runningClocks = async () => clocks.current(await deps.stoppedCycles())

  /** Announces every threshold of `running` that has passed and was not announced yet; returns how many. */
  async function announce(running: RunningClock[]): Promise<number> {
    const now = clock()
    let fired = 0
    for (const card of running) {
      const crossings: [TimerThreshold['state'], Date | null][] = [
        ['at_risk', card.atRiskAt && card.atRiskAt <= now ? card.atRiskAt : null],
        ['overdue', card.dueAt <= now ? card.dueAt : null],
      ]
      for (const [state, at] of crossings) {
        const recorded = at && (await claim(card, state, at, now))
        if (!at || !recorded) continue
        const event: TimerThreshold = { cycleId: String(recorded.cycleId), cardId: String(recorded._id), version: recorded.version, state, at: at.toISOString() }
        bus.publish('timer.crossed', event)
        log.info({ event: 'card:timer', ...event }, 'timer threshold crossed')
        fired++
        await deps.onThreshold?.(event, recorded).catch((err: unknown) => log.error({ err, ...event }, 'threshold follow-up failed'))
      }
    }
    return fired
  }

  async function cycle(): Promise<void> {
    for (;;) {
      again = false
      // One read of the clocks per pass: the crossings it records change no threshold, and a
      // move meanwhile hands its own to wakeBy.
      let running: RunningClock[] = []
      try {
        running = await runningClocks()
        await announce(running)
      } catch (err) {
        log.error({ err }, 'timer check failed')
      }
      if (stopped) return
      const now = clock()
      const next = nextThreshold(running, now)
      // A poke that came in while this pass ran may concern a threshold it already missed.
      if (again) continue
      if (stopped) return
      const at = Math.min(next?.getTime() ?? Infinity, handedAt ?? Infinity)
      handedAt = undefined
      sleepUntil(Number.isFinite(at) ? at : now.getTime() + maxSleepMs)
      return
    }
  }

  function sleepUntil(at: number): void {
    clearTimeout(timer)
    const now = clock().getTime()
    const delay = Math.min(Math.max(at - now, 0), maxSleepMs)
    plannedAt = now + delay
    timer = setTimeout(wake, delay)
    timer.unref()
  }

  function wake(): void {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    clearTimeout(timer)
    plannedAt = undefined
    running = cycle().finally(() => {
      running = undefined
    })
  }

  /**
   * A move wrote a card's new threshold: wake by then. No pass now, unlike poke: on a busy board
   * that would be a pass per move (each reads the cycles and the stamps).
   */
  function wakeBy(at: Date): void {
    if (stopped) return
    const t = at.getTime()
    if (running) handedAt = Math.min(handedAt ?? t, t)
    else if (plannedAt === undefined || t < plannedAt) sleepUntil(t)
  }

  return {
    /** Checks at once (thresholds that passed while no node ran are announced now), then sleeps. */
    start(): void {
      stopped = false
      void askLegacy().catch(() => (hadLegacy = undefined))
      wake()
    },
    /** Something changed (a cycle started, a calendar edit): look again now instead of at the planned time. */
    poke: wake,
    wakeBy,
    check: async () => announce(await runningClocks()),
    /** Resolves when the current check, if any, has finished: for tests. */
    async settled(): Promise<void> {
      while (running) await running
    },
    async stop(): Promise<void> {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
export type TimerScheduler = ReturnType<typeof createTimerScheduler>
