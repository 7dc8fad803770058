import { Types } from 'mongoose'
import { sameTokens, type BoardCache, type WriterTokens } from '../cards/boardCache'
import type { CardModel, CardRecord } from '../cards/model'

/** What the scheduler needs of a card with a running step clock. */
export interface RunningClock {
  cardId: string
  cycleId: string
  /** Where the card waits: whose task it is ("Tugas saya"). */
  lane: string
  version: number
  seq: number
  atRiskAt: Date | null
  dueAt: Date
}

interface Cycle {
  clocks: Map<string, RunningClock>
  /** The other writers' tokens (server/cards/boardCache.ts) when its clocks were last read. */
  others: WriterTokens
}

const FIELDS = { cycleId: 1, lane: 1, version: 1, seq: 1, atRiskAt: 1, dueAt: 1 } as const
type ClockFields = Pick<CardRecord, '_id' | 'cycleId' | 'lane' | 'version' | 'seq' | 'atRiskAt' | 'dueAt'>

/**
 * This node's copy of every running step clock, so that the timer scheduler's passes (one a
 * minute at least, and at each threshold) and "Tugas saya" read no card collection: FerretDB v1
 * answers any filter but `_id` by reading every card in the database, which beside 40,000 cards
 * of earlier quarters took seconds of its CPU each time.
 *
 * Kept right the way the board cache is (server/cards/boardCache.ts): this node's writes come in
 * as they happen (`onWritten`); other nodes' writes show as changed stamps, and the cycles they
 * touched are read again, in one query, at the next pass. The first pass after a start reads all
 * of them once.
 */
export function createClockIndex(Card: CardModel, boards: BoardCache) {
  const cycles = new Map<string, Cycle>()
  let loaded = false
  let refreshing: Promise<void> | null = null

  function keep(cycle: Cycle, card: ClockFields): void {
    const id = String(card._id)
    const held = cycle.clocks.get(id)
    if (held && held.seq > card.seq) return
    if (card.dueAt) cycle.clocks.set(id, { cardId: id, cycleId: String(card.cycleId), lane: card.lane, version: card.version, seq: card.seq, atRiskAt: card.atRiskAt ?? null, dueAt: card.dueAt })
    else cycle.clocks.delete(id)
  }

  boards.onWritten((cycleId, cards) => {
    if (!cards) return void cycles.delete(cycleId)
    // A cycle not held yet (a new one, or one whose clocks had all stopped) starts with no other
    // writer seen: if another node wrote its cards too, the next pass finds its stamp and reads it.
    const cycle = cycles.get(cycleId) ?? { clocks: new Map(), others: new Map() }
    cycles.set(cycleId, cycle)
    for (const card of cards) keep(cycle, card)
  })

  /** Reads the running clocks of `cycleIds` (every cycle: undefined), with the stamps read first. */
  async function read(cycleIds?: string[]): Promise<void> {
    const others = await boards.othersByCycle()
    const filter = cycleIds ? { cycleId: { $in: cycleIds.map((id) => new Types.ObjectId(id)) } } : { dueAt: { $ne: null } }
    const rows = await Card.find(filter, FIELDS).lean<ClockFields[]>()
    for (const id of cycleIds ?? [...others.keys()]) cycles.set(id, { clocks: cycles.get(id)?.clocks ?? new Map(), others: others.get(id) ?? new Map() })
    for (const row of rows) {
      const id = String(row.cycleId)
      const cycle = cycles.get(id) ?? { clocks: new Map(), others: others.get(id) ?? new Map() }
      cycles.set(id, cycle)
      keep(cycle, row)
    }
  }

  /**
   * Brings the copy up to date with the other writers' stamps: no card read unless one wrote.
   * Callers at the same time share one (the first after a start reads every clock).
   */
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      if (!loaded) {
        await read()
        loaded = true
        return
      }
      const changed: string[] = []
      for (const [cycleId, others] of await boards.othersByCycle()) {
        const held = cycles.get(cycleId)
        if (!held || !sameTokens(held.others, others)) changed.push(cycleId)
      }
      if (changed.length) await read(changed)
    })().finally(() => {
      refreshing = null
    })
    return refreshing
  }

  return {
    /** Every running clock now, outside the cycles `stopped` (cancelled, closed: their clocks stand still). */
    async current(stopped: readonly Types.ObjectId[]): Promise<RunningClock[]> {
      await refresh()
      const ended = new Set(stopped.map(String))
      const out: RunningClock[] = []
      for (const [cycleId, cycle] of cycles) if (!ended.has(cycleId)) out.push(...cycle.clocks.values())
      return out
    },
  }
}
export type ClockIndex = ReturnType<typeof createClockIndex>
